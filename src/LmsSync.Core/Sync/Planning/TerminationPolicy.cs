using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Decides whether a user's termination date has come: a user is terminated when the date is today or
    /// earlier, "today" being the injected clock's date in the configured time zone. A datetime value counts by
    /// its date in that zone. Future dates do nothing yet.
    /// </summary>
    public sealed class TerminationPolicy
    {
        private static readonly string[] DateOnly = { "yyyy-MM-dd" };

        private readonly RecordField? _field;
        private readonly TimeZoneInfo _zone;

        public TerminationPolicy(SyncOptions options, DateTimeOffset now)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            _field = options.TerminationDateAction == TerminationDateAction.None || string.IsNullOrWhiteSpace(options.TerminationDateField)
                ? null
                : new RecordField(options.TerminationDateField!);
            _zone = TimeZoneResolver.Resolve(options.TimeZone);
            Today = TimeZoneInfo.ConvertTime(now, _zone).Date;
        }

        /// <summary>Today's date in the configured time zone.</summary>
        public DateTime Today { get; }

        /// <summary>The termination date when it is today or earlier; null when none, in the future, or terminations are off.</summary>
        [MethodImpl(Jit.Optimized)]
        public DateTime? DueDate(SourceUser user)
        {
            if (_field == null) return null;
            var date = ReadDate(user.Record[_field]);
            return date.HasValue && date.Value <= Today ? date : null;
        }

        private DateTime? ReadDate(object? raw)
        {
            switch (raw)
            {
                case DateTime date: return date.Date;
                case DateTimeOffset instant: return TimeZoneInfo.ConvertTime(instant, _zone).Date;
                case string text when !string.IsNullOrWhiteSpace(text):
                    var trimmed = text.Trim();
                    if (DateTime.TryParseExact(trimmed, DateOnly, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
                    if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                        return TimeZoneInfo.ConvertTime(parsed, _zone).Date;
                    return null;
                default: return null;
            }
        }
    }
}
