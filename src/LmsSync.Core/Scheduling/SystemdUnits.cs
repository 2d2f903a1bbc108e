using System.Globalization;
using System.Linq;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// A oneshot service that runs the sync and a timer that starts it. <c>Persistent=true</c> runs a start
    /// missed while the machine was off at the next boot; systemd never starts a oneshot service that is
    /// still running, so runs never overlap; a non-zero exit marks the service failed in
    /// <c>systemctl status</c> and the journal.
    /// </summary>
    public static class SystemdUnits
    {
        private const string Header = "# Written by LmsSync Register-SfLmsSchedule; Register-SfLmsSchedule replaces it and Unregister-SfLmsSchedule removes it.\n";

        public static string Service(ScheduleDefinition definition)
        {
            var s = new StringBuilder(Header);
            s.Append("# ").Append(definition.Tag).Append('\n');
            s.Append("[Unit]\n");
            s.Append("Description=LmsSync: sync profile ").Append(definition.Profile).Append('\n');
            s.Append('\n');
            s.Append("[Service]\n");
            s.Append("Type=oneshot\n");
            s.Append("ExecStart=").Append(Quoting.SystemdExecLine(definition.Command.Argv)).Append('\n');
            s.Append("TimeoutStartSec=").Append(((int)definition.TimeLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append('\n');
            return s.ToString();
        }

        public static string Timer(ScheduleDefinition definition)
        {
            var s = new StringBuilder(Header);
            s.Append("# ").Append(definition.Tag).Append('\n');
            s.Append("[Unit]\n");
            s.Append("Description=LmsSync schedule ").Append(definition.TaskName).Append(": ").Append(definition.Trigger).Append('\n');
            s.Append('\n');
            s.Append("[Timer]\n");
            foreach (var calendar in OnCalendar(definition.Trigger)) s.Append("OnCalendar=").Append(calendar).Append('\n');
            s.Append("Persistent=true\n");
            s.Append("Unit=").Append(ScheduleNames.SystemdUnit(definition.TaskName, ".service")).Append('\n');
            s.Append('\n');
            s.Append("[Install]\n");
            s.Append("WantedBy=timers.target\n");
            return s.ToString();
        }

        /// <summary>One calendar expression per hour group, e.g. "Mon..Fri *-*-* 08,11,14,17:00,45:00".</summary>
        public static string[] OnCalendar(ScheduleTrigger trigger)
        {
            var days = trigger.DaysOfWeek.Count == 0
                ? ""
                : DayList(trigger) + " ";
            return HourGroups.Of(trigger)
                .Select(g => days + "*-*-* " + HourGroups.FormatList(g.Hours, 24, "..", "00") + ":" + HourGroups.FormatList(g.Minutes, 60, "..", "00") + ":00")
                .ToArray();
        }

        // Monday-first indexes so that consecutive days compress into Mon..Fri.
        private static string DayList(ScheduleTrigger trigger)
        {
            var indexes = trigger.DaysOfWeek.Select(d => ((int)d + 6) % 7).ToList();
            var names = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
            var list = HourGroups.FormatList(indexes, 7, "..");
            return string.Join(",", list.Split(',').Select(part => string.Join("..", part.Split(new[] { ".." }, System.StringSplitOptions.None).Select(i => names[int.Parse(i, CultureInfo.InvariantCulture)]))));
        }
    }
}
