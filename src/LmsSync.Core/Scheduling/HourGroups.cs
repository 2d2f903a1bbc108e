using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LmsSync.Core.Scheduling
{
    /// <summary>Hours that share the same minutes of running, e.g. every 45 min from 08:00: {8,11,14,17} at {0,45}.</summary>
    public sealed class HourGroup
    {
        public HourGroup(IReadOnlyList<int> hours, IReadOnlyList<int> minutes)
        {
            Hours = hours;
            Minutes = minutes;
        }

        public IReadOnlyList<int> Hours { get; }
        public IReadOnlyList<int> Minutes { get; }
        public bool EveryHour => Hours.Count == 24;
    }

    /// <summary>
    /// Cron, systemd and launchd express "which minute of which hour" rather than "every n minutes", and
    /// an interval that does not divide the hour (45 min) lands on different minutes in different hours.
    /// Grouping the hours by their minute lists gives the fewest exact lines.
    /// </summary>
    public static class HourGroups
    {
        public static IReadOnlyList<HourGroup> Of(ScheduleTrigger trigger)
        {
            var minutesByHour = trigger.MinutesOfDay
                .GroupBy(m => m / 60)
                .Select(g => (Hour: g.Key, Minutes: g.Select(m => m % 60).ToList()))
                .ToList();
            var groups = new List<HourGroup>();
            foreach (var hour in minutesByHour)
            {
                if (groups.Any(g => g.Minutes.SequenceEqual(hour.Minutes))) continue;
                var hours = minutesByHour.Where(h => h.Minutes.SequenceEqual(hour.Minutes)).Select(h => h.Hour).ToList();
                groups.Add(new HourGroup(hours, hour.Minutes));
            }
            return groups;
        }

        /// <summary>
        /// "0,15,30" with runs of three or more consecutive values as ranges ("8-17" or "08..17"), or "*" when
        /// the list holds every value of the field.
        /// </summary>
        public static string FormatList(IReadOnlyList<int> values, int fieldSize, string rangeSeparator, string numberFormat = "0")
        {
            if (values.Count == fieldSize) return "*";
            var parts = new List<string>();
            for (var i = 0; i < values.Count;)
            {
                var end = i;
                while (end + 1 < values.Count && values[end + 1] == values[end] + 1) end++;
                string Text(int v) => v.ToString(numberFormat, CultureInfo.InvariantCulture);
                if (end - i >= 2) parts.Add(Text(values[i]) + rangeSeparator + Text(values[end]));
                else for (var k = i; k <= end; k++) parts.Add(Text(values[k]));
                i = end + 1;
            }
            return string.Join(",", parts);
        }
    }
}
