using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LmsSync.Core.Scheduling
{
    public enum ScheduleTriggerKind
    {
        /// <summary>Once a day at a time (SkyPrep's daily run).</summary>
        Daily,

        /// <summary>Every n minutes inside a window of the day (iSpring's "Run Interval" between "Start/Stop Work Time").</summary>
        Interval,
    }

    /// <summary>
    /// When a schedule runs, in local time, independent of any scheduler. Every form is calendar based:
    /// an interval restarts at the window's start each day (a plain interval is the window 00:00–24:00),
    /// so Task Scheduler, systemd, cron and launchd all run at exactly the same minutes, and the next run
    /// can be computed (<see cref="NextRun"/>) rather than guessed.
    /// Rules: the window's start and stop are both inclusive (a run due exactly at the stop time runs,
    /// as Task Scheduler's repetition does); 24:00 as a stop means "through 23:59" (midnight belongs to
    /// the next day); a window that crosses midnight is refused — register two schedules instead.
    /// </summary>
    public sealed class ScheduleTrigger
    {
        public const int MaxIntervalMinutes = TimeOfDay.MinutesPerDay;

        private static readonly DayOfWeek[] MondayFirst =
        {
            DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
        };

        private ScheduleTrigger(ScheduleTriggerKind kind, TimeOfDay start, TimeOfDay stop, int intervalMinutes, IReadOnlyList<DayOfWeek> days)
        {
            Kind = kind;
            Start = start;
            Stop = stop;
            IntervalMinutes = intervalMinutes;
            DaysOfWeek = days;
            MinutesOfDay = ComputeMinutesOfDay();
        }

        public ScheduleTriggerKind Kind { get; }

        /// <summary>The daily time, or the window's start.</summary>
        public TimeOfDay Start { get; }

        /// <summary>The window's stop (inclusive); equals <see cref="Start"/> for a daily trigger.</summary>
        public TimeOfDay Stop { get; }

        /// <summary>Minutes between runs; 0 for a daily trigger.</summary>
        public int IntervalMinutes { get; }

        /// <summary>The days it runs, Monday first; empty means every day.</summary>
        public IReadOnlyList<DayOfWeek> DaysOfWeek { get; }

        /// <summary>The minutes after midnight at which it runs on a day it runs, ascending, each below 1440.</summary>
        public IReadOnlyList<int> MinutesOfDay { get; }

        /// <summary>True for an interval with a window narrower than the whole day.</summary>
        public bool HasWindow => Kind == ScheduleTriggerKind.Interval && (Start != TimeOfDay.Midnight || Stop != TimeOfDay.EndOfDay);

        /// <summary>The last minute a run may start: the stop time, or 23:59 for 24:00.</summary>
        public int LastStartMinute => Math.Min(Stop.TotalMinutes, TimeOfDay.MinutesPerDay - 1);

        public static ScheduleTrigger Daily(TimeOfDay at, IEnumerable<DayOfWeek>? days = null)
        {
            if (at == TimeOfDay.EndOfDay) throw Invalid("A daily run at 24:00 is a run at 00:00 the next day: use -At 00:00.");
            return new ScheduleTrigger(ScheduleTriggerKind.Daily, at, at, 0, NormalizeDays(days));
        }

        /// <summary>Every <paramref name="minutes"/> from <paramref name="start"/> (default 00:00) through <paramref name="stop"/> (default 24:00).</summary>
        public static ScheduleTrigger Interval(int minutes, TimeOfDay? start = null, TimeOfDay? stop = null, IEnumerable<DayOfWeek>? days = null)
        {
            if (minutes < 1 || minutes > MaxIntervalMinutes)
                throw Invalid($"The interval must be 1 to {MaxIntervalMinutes} minutes, not {minutes}.");
            var from = start ?? TimeOfDay.Midnight;
            var to = stop ?? TimeOfDay.EndOfDay;
            if (from == TimeOfDay.EndOfDay) throw Invalid("A window cannot start at 24:00: use 00:00.");
            if (to.TotalMinutes <= from.TotalMinutes)
                throw Invalid($"The window {from}–{to} ends before it starts. Windows that cross midnight are not supported: register two schedules (e.g. {from}–24:00 and 00:00–{to}) with different -TaskName values.");
            return new ScheduleTrigger(ScheduleTriggerKind.Interval, from, to, minutes, NormalizeDays(days));
        }

        /// <summary>The next run strictly after <paramref name="now"/>, in <paramref name="zone"/>'s local time.</summary>
        public DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone) => NextRunCalculator.Next(this, now, zone);

        public bool RunsOn(DayOfWeek day) => DaysOfWeek.Count == 0 || DaysOfWeek.Contains(day);

        /// <summary>
        /// The canonical text, stored in every registered artifact so a schedule reads back exactly:
        /// "daily 02:00", "every 60m", "every 45m 08:00-18:00", each optionally followed by " on Mon,Wed".
        /// </summary>
        public override string ToString()
        {
            var text = Kind == ScheduleTriggerKind.Daily
                ? "daily " + Start
                : "every " + IntervalMinutes.ToString(CultureInfo.InvariantCulture) + "m" + (HasWindow ? " " + Start + "-" + Stop : "");
            return DaysOfWeek.Count == 0 ? text : text + " on " + string.Join(",", DaysOfWeek.Select(DayName));
        }

        public static ScheduleTrigger Parse(string text)
        {
            var words = (text ?? "").Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            IReadOnlyList<DayOfWeek>? days = null;
            var on = words.IndexOf("on");
            if (on >= 0 && on == words.Count - 2)
            {
                days = words[on + 1].Split(',').Select(ParseDay).ToList();
                words.RemoveRange(on, 2);
            }
            if (words.Count == 2 && words[0] == "daily") return Daily(TimeOfDay.Parse(words[1]), days);
            if ((words.Count == 2 || words.Count == 3) && words[0] == "every" && words[1].EndsWith("m", StringComparison.Ordinal)
                && int.TryParse(words[1].Substring(0, words[1].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                if (words.Count == 2) return Interval(minutes, null, null, days);
                var window = words[2].Split('-');
                if (window.Length == 2) return Interval(minutes, TimeOfDay.Parse(window[0]), TimeOfDay.Parse(window[1]), days);
            }
            throw new FormatException($"'{text}' is not a schedule trigger (expected e.g. 'daily 02:00' or 'every 45m 08:00-18:00 on Mon,Tue').");
        }

        public static string DayName(DayOfWeek day) => day.ToString().Substring(0, 3);

        private static DayOfWeek ParseDay(string name)
        {
            foreach (var day in MondayFirst)
                if (DayName(day) == name) return day;
            throw new FormatException($"'{name}' is not a day name (Mon, Tue, Wed, Thu, Fri, Sat, Sun).");
        }

        /// <summary>Distinct, Monday first; all seven days is the same as every day (empty).</summary>
        private static IReadOnlyList<DayOfWeek> NormalizeDays(IEnumerable<DayOfWeek>? days)
        {
            var set = new HashSet<DayOfWeek>(days ?? Enumerable.Empty<DayOfWeek>());
            if (set.Any(d => d < DayOfWeek.Sunday || d > DayOfWeek.Saturday)) throw Invalid("Days of the week are Monday to Sunday.");
            return set.Count == 7 ? Array.Empty<DayOfWeek>() : MondayFirst.Where(set.Contains).ToArray();
        }

        private IReadOnlyList<int> ComputeMinutesOfDay()
        {
            if (Kind == ScheduleTriggerKind.Daily) return new[] { Start.TotalMinutes };
            var minutes = new List<int>();
            for (var m = Start.TotalMinutes; m <= LastStartMinute; m += IntervalMinutes) minutes.Add(m);
            return minutes;
        }

        private static ScheduleException Invalid(string message) => new ScheduleException(ScheduleErrorKind.Invalid, message);
    }
}
