using System;
using System.Globalization;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// A value GreaterThan/LessThan can order: a number, or an instant (a date-only value is midnight UTC).
    /// Text is read as an invariant number first, then as an ISO date or datetime.
    /// </summary>
    internal readonly struct OrderedValue
    {
        private static readonly string[] DateOnly = { "yyyy-MM-dd" };

        private OrderedValue(decimal? number, DateTimeOffset? instant)
        {
            Number = number;
            Instant = instant;
        }

        public decimal? Number { get; }
        public DateTimeOffset? Instant { get; }
        public bool IsOrdered => Number.HasValue || Instant.HasValue;

        public static OrderedValue From(object? raw)
        {
            switch (raw)
            {
                case null: return default;
                case decimal d: return new OrderedValue(d, null);
                case int i: return new OrderedValue(i, null);
                case long l: return new OrderedValue(l, null);
                case double f: return new OrderedValue((decimal)f, null);
                case DateTimeOffset dto: return new OrderedValue(null, dto);
                case DateTime date: return new OrderedValue(null, new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Unspecified), TimeSpan.Zero));
                case string s: return Parse(s);
                default: return default;
            }
        }

        public static OrderedValue Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return default;
            var trimmed = text!.Trim();
            if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return new OrderedValue(number, null);
            if (DateTime.TryParseExact(trimmed, DateOnly, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return new OrderedValue(null, new DateTimeOffset(day, TimeSpan.Zero));
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                return new OrderedValue(null, instant);
            return default;
        }

        /// <summary>The sign of this − other, or null when the two are not of the same kind.</summary>
        public int? CompareTo(OrderedValue other)
        {
            if (Number.HasValue && other.Number.HasValue) return Number.Value.CompareTo(other.Number.Value);
            if (Instant.HasValue && other.Instant.HasValue) return Instant.Value.CompareTo(other.Instant.Value);
            return null;
        }
    }
}
