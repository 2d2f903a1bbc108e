using System;
using System.Globalization;
using Newtonsoft.Json;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// The most deactivations one run may make: a count (<c>25</c>) or a percentage of the users the integration
    /// manages (<c>10%</c>). A plan over the limit is blocked. Written in JSON as that text.
    /// </summary>
    [JsonConverter(typeof(DeprovisionLimitJsonConverter))]
    public sealed class DeprovisionLimit
    {
        private DeprovisionLimit(decimal value, bool isPercent)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "A limit cannot be negative.");
            if (isPercent && value > 100) throw new ArgumentOutOfRangeException(nameof(value), "A percentage is at most 100.");
            if (!isPercent && decimal.Truncate(value) != value) throw new ArgumentOutOfRangeException(nameof(value), "A count is a whole number.");
            Value = value;
            IsPercent = isPercent;
        }

        public decimal Value { get; }
        public bool IsPercent { get; }

        public static DeprovisionLimit Count(int count) => new DeprovisionLimit(count, isPercent: false);
        public static DeprovisionLimit Percent(decimal percent) => new DeprovisionLimit(percent, isPercent: true);

        /// <summary>The default: 10% of managed users.</summary>
        public static DeprovisionLimit Default { get; } = Percent(10);

        /// <summary>Reads <c>25</c> or <c>10%</c> (invariant culture).</summary>
        public static DeprovisionLimit Parse(string text)
        {
            if (TryParse(text, out var limit)) return limit;
            throw new FormatException($"'{text}' is not a deprovision limit: give a whole count such as 25 or a percentage such as 10%.");
        }

        public static bool TryParse(string? text, out DeprovisionLimit limit)
        {
            limit = Default;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var trimmed = text!.Trim();
            var percent = trimmed.EndsWith("%", StringComparison.Ordinal);
            if (percent) trimmed = trimmed.Substring(0, trimmed.Length - 1).Trim();
            if (!decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return false;
            if (value < 0 || (percent && value > 100) || (!percent && decimal.Truncate(value) != value)) return false;
            limit = new DeprovisionLimit(value, percent);
            return true;
        }

        /// <summary>How many deactivations are allowed when the integration manages <paramref name="managedUsers"/> users.</summary>
        public int AllowedFor(int managedUsers) =>
            IsPercent ? (int)decimal.Floor(managedUsers * Value / 100m) : (int)Value;

        /// <summary>Whether <paramref name="deactivations"/> stays within the limit.</summary>
        public bool Allows(int deactivations, int managedUsers) => deactivations <= AllowedFor(managedUsers);

        public override string ToString() =>
            Value.ToString("0.##", CultureInfo.InvariantCulture) + (IsPercent ? "%" : "");
    }
}
