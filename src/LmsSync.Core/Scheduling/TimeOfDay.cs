using System;
using System.Globalization;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A wall-clock time to the minute, "HH:mm" (00:00 to 24:00). PowerShell binds "02:00" to it through
    /// <see cref="Parse"/>. 24:00 exists only to say "to the end of the day" as a window's stop time.
    /// Seconds are refused rather than rounded: no scheduler here runs a sync on a second boundary.
    /// </summary>
    public readonly struct TimeOfDay : IEquatable<TimeOfDay>, IComparable<TimeOfDay>
    {
        public const int MinutesPerDay = 24 * 60;

        public TimeOfDay(int hour, int minute)
            : this(Check(hour, minute))
        {
        }

        private TimeOfDay(int totalMinutes) { TotalMinutes = totalMinutes; }

        public static TimeOfDay Midnight => new TimeOfDay(0);
        public static TimeOfDay EndOfDay => new TimeOfDay(MinutesPerDay);

        /// <summary>Minutes after midnight, 0 to 1440.</summary>
        public int TotalMinutes { get; }
        public int Hour => TotalMinutes / 60;
        public int Minute => TotalMinutes % 60;

        public static TimeOfDay FromMinutes(int totalMinutes)
        {
            if (totalMinutes < 0 || totalMinutes > MinutesPerDay) throw new ArgumentOutOfRangeException(nameof(totalMinutes));
            return new TimeOfDay(totalMinutes);
        }

        public static TimeOfDay Parse(string text)
        {
            if (TryParse(text, out var time)) return time;
            throw new FormatException($"'{text}' is not a time of day: use HH:mm on a 24-hour clock, e.g. 02:00 or 18:30.");
        }

        public static bool TryParse(string? text, out TimeOfDay time)
        {
            time = default;
            var parts = (text ?? "").Trim().Split(':');
            if (parts.Length != 2 || parts[0].Length < 1 || parts[0].Length > 2 || parts[1].Length != 2) return false;
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)) return false;
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)) return false;
            if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return false;
            time = new TimeOfDay(hour * 60 + minute);
            return true;
        }

        public override string ToString() => Hour.ToString("00", CultureInfo.InvariantCulture) + ":" + Minute.ToString("00", CultureInfo.InvariantCulture);

        public bool Equals(TimeOfDay other) => TotalMinutes == other.TotalMinutes;
        public override bool Equals(object? obj) => obj is TimeOfDay other && Equals(other);
        public override int GetHashCode() => TotalMinutes;
        public int CompareTo(TimeOfDay other) => TotalMinutes.CompareTo(other.TotalMinutes);
        public static bool operator ==(TimeOfDay a, TimeOfDay b) => a.Equals(b);
        public static bool operator !=(TimeOfDay a, TimeOfDay b) => !a.Equals(b);

        private static int Check(int hour, int minute)
        {
            if (hour < 0 || minute < 0 || minute > 59 || hour > 24 || (hour == 24 && minute != 0))
                throw new ArgumentOutOfRangeException(nameof(hour), $"{hour}:{minute} is not a time of day (00:00 to 24:00).");
            return hour * 60 + minute;
        }
    }
}
