using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A launchd job: ProgramArguments (no shell, so no shell quoting — only XML escaping) and a
    /// StartCalendarInterval array with one entry per (weekday,) hour and minute. Calendar entries are used
    /// for the plain interval too, not StartInterval: StartInterval counts from when the job was loaded and
    /// cannot honour days of the week, so its next run could not be known; calendar entries run at the same
    /// minutes as every other scheduler here. launchd never starts a job that is still running, and runs a
    /// start missed during sleep on wake (one missed while powered off waits for the next).
    /// The tag rides in EnvironmentVariables (LMSSYNC_SCHEDULE), a key launchd defines, rather than an XML
    /// comment a profile name like "a--b" could break.
    /// </summary>
    public static class LaunchdPlist
    {
        public const string TagVariable = "LMSSYNC_SCHEDULE";

        public static string Render(ScheduleDefinition definition)
        {
            var p = new StringBuilder();
            p.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            p.Append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
            p.Append("<plist version=\"1.0\">\n");
            p.Append("<dict>\n");
            p.Append("  <key>Label</key>\n");
            p.Append("  <string>").Append(Quoting.Xml(ScheduleNames.LaunchdLabel(definition.TaskName))).Append("</string>\n");
            p.Append("  <key>ProgramArguments</key>\n");
            p.Append("  <array>\n");
            foreach (var argument in definition.Command.Argv) p.Append("    <string>").Append(Quoting.Xml(argument)).Append("</string>\n");
            p.Append("  </array>\n");
            p.Append("  <key>EnvironmentVariables</key>\n");
            p.Append("  <dict>\n");
            p.Append("    <key>").Append(TagVariable).Append("</key>\n");
            p.Append("    <string>").Append(Quoting.Xml(definition.Tag)).Append("</string>\n");
            p.Append("  </dict>\n");
            p.Append("  <key>RunAtLoad</key>\n");
            p.Append("  <false/>\n");
            p.Append("  <key>StartCalendarInterval</key>\n");
            p.Append("  <array>\n");
            foreach (var entry in CalendarEntries(definition.Trigger))
            {
                p.Append("    <dict>\n");
                foreach (var field in entry)
                    p.Append("      <key>").Append(field.Key).Append("</key><integer>").Append(field.Value.ToString(CultureInfo.InvariantCulture)).Append("</integer>\n");
                p.Append("    </dict>\n");
            }
            p.Append("  </array>\n");
            p.Append("</dict>\n");
            p.Append("</plist>\n");
            return p.ToString();
        }

        /// <summary>
        /// Each entry is a set of keys that must all match (a missing key is a wildcard): Weekday (0 = Sunday),
        /// Hour, Minute. Hours that all run at the same minutes drop the Hour key.
        /// </summary>
        public static List<List<KeyValuePair<string, int>>> CalendarEntries(ScheduleTrigger trigger)
        {
            var days = trigger.DaysOfWeek.Count == 0 ? new int?[] { null } : ToWeekdays(trigger);
            var entries = new List<List<KeyValuePair<string, int>>>();
            foreach (var day in days)
            {
                foreach (var group in HourGroups.Of(trigger))
                {
                    var hours = group.EveryHour ? new int?[] { null } : ToNullable(group.Hours);
                    foreach (var hour in hours)
                    {
                        foreach (var minute in group.Minutes)
                        {
                            var entry = new List<KeyValuePair<string, int>>();
                            if (day != null) entry.Add(new KeyValuePair<string, int>("Weekday", day.Value));
                            if (hour != null) entry.Add(new KeyValuePair<string, int>("Hour", hour.Value));
                            entry.Add(new KeyValuePair<string, int>("Minute", minute));
                            entries.Add(entry);
                        }
                    }
                }
            }
            return entries;
        }

        private static int?[] ToWeekdays(ScheduleTrigger trigger)
        {
            var days = new List<int?>();
            foreach (var day in trigger.DaysOfWeek) days.Add((int)day);
            return days.ToArray();
        }

        private static int?[] ToNullable(IReadOnlyList<int> values)
        {
            var result = new int?[values.Count];
            for (var i = 0; i < values.Count; i++) result[i] = values[i];
            return result;
        }
    }
}
