using System;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// The next time a trigger fires, computed from the trigger itself so Get-SfLmsSchedule shows the same
    /// answer whichever scheduler holds it. Every scheduler here reads times as local wall-clock time.
    /// Around daylight saving changes: a time that does not exist that day (the skipped hour) is skipped;
    /// a time that happens twice runs at its first occurrence.
    /// </summary>
    internal static class NextRunCalculator
    {
        public static DateTimeOffset Next(ScheduleTrigger trigger, DateTimeOffset now, TimeZoneInfo zone)
        {
            var today = TimeZoneInfo.ConvertTime(now, zone).Date;
            // Eight days always reach an allowed weekday again; a skipped DST minute can cost one more day at most.
            for (var offset = 0; offset <= 8; offset++)
            {
                var day = today.AddDays(offset);
                if (!trigger.RunsOn(day.DayOfWeek)) continue;
                foreach (var minute in trigger.MinutesOfDay)
                {
                    var local = DateTime.SpecifyKind(day.AddMinutes(minute), DateTimeKind.Unspecified);
                    if (zone.IsInvalidTime(local)) continue;
                    var candidate = new DateTimeOffset(local, FirstOffset(zone, local));
                    if (candidate > now) return candidate;
                }
            }
            throw new InvalidOperationException($"No next run found for '{trigger}'.");
        }

        /// <summary>The UTC offset of a local time; for an ambiguous time, the earlier instant (the larger offset).</summary>
        private static TimeSpan FirstOffset(TimeZoneInfo zone, DateTime local)
        {
            if (!zone.IsAmbiguousTime(local)) return zone.GetUtcOffset(local);
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var largest = offsets[0];
            foreach (var offset in offsets) if (offset > largest) largest = offset;
            return largest;
        }
    }
}
