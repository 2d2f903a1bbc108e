using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// The module's own block in a crontab, between marker comments:
    /// <code>
    /// # BEGIN LmsSync acme
    /// # LmsSync-Schedule: task=acme; profile=acme; trigger=every 45m 08:00-18:00
    /// 0,45 8,11,14,17 * * * 'pwsh' …
    /// 30 9,12,15 * * * 'pwsh' …
    /// 15 10,13,16 * * * 'pwsh' …
    /// # END LmsSync acme
    /// </code>
    /// One cron line cannot say "every 45 min from 08:00 to 18:00", so there is one line per group of hours
    /// that run at the same minutes. Cron skips a run missed while the machine was off, and does not
    /// prevent overlap: the module's per-profile run lock does (a second run exits at once).
    /// </summary>
    public static class CrontabBlock
    {
        public static string Render(ScheduleDefinition definition)
        {
            var command = Quoting.CrontabCommand(definition.Command.Argv);
            var days = DayField(definition.Trigger);
            var s = new StringBuilder();
            s.Append(ScheduleNames.CronBegin(definition.TaskName)).Append('\n');
            s.Append("# ").Append(definition.Tag).Append('\n');
            foreach (var group in HourGroups.Of(definition.Trigger))
            {
                s.Append(HourGroups.FormatList(group.Minutes, 60, "-")).Append(' ')
                 .Append(HourGroups.FormatList(group.Hours, 24, "-")).Append(" * * ")
                 .Append(days).Append(' ').Append(command).Append('\n');
            }
            s.Append(ScheduleNames.CronEnd(definition.TaskName)).Append('\n');
            return s.ToString();
        }

        /// <summary>Cron numbers days from Sunday = 0.</summary>
        private static string DayField(ScheduleTrigger trigger) =>
            trigger.DaysOfWeek.Count == 0 ? "*" : HourGroups.FormatList(trigger.DaysOfWeek.Select(d => (int)d).OrderBy(d => d).ToList(), 7, "-");
    }

    /// <summary>
    /// Edits a whole crontab's text: puts a task's block in (replacing every earlier copy, at the first
    /// copy's place, so registering twice leaves one block) or takes it out, leaving every other byte as it was.
    /// </summary>
    public static class CrontabText
    {
        public static string WithBlock(string crontab, string taskName, string block) => Splice(crontab, taskName, block);

        public static string WithoutBlock(string crontab, string taskName) => Splice(crontab, taskName, null);

        public static bool HasBlock(string crontab, string taskName) => Blocks(Lines(crontab), taskName).Count > 0;

        /// <summary>The tags of every LmsSync block in the crontab, in order.</summary>
        public static IReadOnlyList<ScheduleTag> Tags(string crontab)
        {
            var tags = new List<ScheduleTag>();
            var inside = false;
            foreach (var line in Lines(crontab).Select(Content))
            {
                if (line.StartsWith("# BEGIN LmsSync ", System.StringComparison.Ordinal)) { inside = true; continue; }
                if (line.StartsWith("# END LmsSync ", System.StringComparison.Ordinal)) { inside = false; continue; }
                var tag = inside ? ScheduleTag.Find(line) : null;
                if (tag != null) tags.Add(tag);
            }
            return tags;
        }

        private static string Splice(string crontab, string taskName, string? block)
        {
            var lines = Lines(crontab);
            var blocks = Blocks(lines, taskName);
            var result = new StringBuilder();
            var insertAt = blocks.Count > 0 ? blocks[0].Begin : lines.Count;
            for (var i = 0; i <= lines.Count; i++)
            {
                if (i == insertAt && block != null)
                {
                    if (result.Length > 0 && result[result.Length - 1] != '\n') result.Append('\n');
                    result.Append(block);
                }
                if (i == lines.Count) break;
                if (blocks.Any(b => i >= b.Begin && i <= b.End)) continue;
                result.Append(lines[i]);
            }
            return result.ToString();
        }

        private static List<(int Begin, int End)> Blocks(List<string> lines, string taskName)
        {
            var begin = ScheduleNames.CronBegin(taskName);
            var end = ScheduleNames.CronEnd(taskName);
            var blocks = new List<(int, int)>();
            for (var i = 0; i < lines.Count; i++)
            {
                if (Content(lines[i]) != begin) continue;
                var close = lines.FindIndex(i + 1, l => Content(l) == end);
                if (close < 0)
                    throw new ScheduleException(ScheduleErrorKind.Invalid, $"The crontab has the line '{begin}' but no '{end}' after it, so LmsSync will not guess where its block ends. Fix it with 'crontab -e', then try again.");
                blocks.Add((i, close));
                i = close;
            }
            return blocks;
        }

        /// <summary>The lines with their own terminators, so joining them again gives back the exact text.</summary>
        private static List<string> Lines(string text)
        {
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '\n') continue;
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
            if (start < text.Length) lines.Add(text.Substring(start));
            return lines;
        }

        private static string Content(string line) => line.TrimEnd('\n').TrimEnd('\r').TrimEnd(' ', '\t');
    }
}
