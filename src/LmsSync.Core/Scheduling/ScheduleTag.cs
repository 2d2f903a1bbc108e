using System;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// "LmsSync-Schedule: task=acme; profile=acme; trigger=every 45m 08:00-18:00 on Mon,Fri" — written into
    /// each registered artifact (task description, unit comment, crontab block, plist environment) and read
    /// back by Get-SfLmsSchedule, so what is shown comes from the platform scheduler itself, yet parses
    /// without reverse-engineering four calendar syntaxes. Names and triggers use safe alphabets, so the
    /// tag needs no quoting in any of those formats.
    /// </summary>
    public sealed class ScheduleTag
    {
        public const string Prefix = "LmsSync-Schedule: ";

        private ScheduleTag(string taskName, string profile, ScheduleTrigger trigger)
        {
            TaskName = taskName;
            Profile = profile;
            Trigger = trigger;
        }

        public string TaskName { get; }
        public string Profile { get; }
        public ScheduleTrigger Trigger { get; }

        public static string Format(string taskName, string profile, ScheduleTrigger trigger) =>
            Prefix + "task=" + taskName + "; profile=" + profile + "; trigger=" + trigger;

        /// <summary>Finds and parses a tag within a line (after a comment marker, say); null when there is none or it is damaged.</summary>
        public static ScheduleTag? Find(string? text)
        {
            if (text == null) return null;
            var start = text.IndexOf(Prefix, StringComparison.Ordinal);
            if (start < 0) return null;
            var line = text.Substring(start + Prefix.Length);
            var end = line.IndexOfAny(new[] { '\r', '\n', '<' });
            if (end >= 0) line = line.Substring(0, end);
            string? task = null, profile = null, trigger = null;
            foreach (var part in line.Split(';'))
            {
                var pair = part.Trim();
                var eq = pair.IndexOf('=');
                if (eq <= 0) continue;
                var value = pair.Substring(eq + 1).Trim();
                switch (pair.Substring(0, eq))
                {
                    case "task": task = value; break;
                    case "profile": profile = value; break;
                    case "trigger": trigger = value; break;
                }
            }
            if (task == null || profile == null || trigger == null) return null;
            try
            {
                return new ScheduleTag(ScheduleNames.ValidateTaskName(task), profile, ScheduleTrigger.Parse(trigger));
            }
            catch (Exception e) when (e is FormatException || e is ScheduleException)
            {
                return null;
            }
        }
    }
}
