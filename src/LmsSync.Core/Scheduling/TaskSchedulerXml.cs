using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>How the Windows task logs on.</summary>
    public sealed class WindowsPrincipal
    {
        public WindowsPrincipal(string userId, bool withPassword)
        {
            UserId = userId;
            WithPassword = withPassword;
        }

        /// <summary>DOMAIN\user.</summary>
        public string UserId { get; }

        /// <summary>
        /// True (with -Credential): LogonType Password, runs whether the user is logged on or not. False:
        /// InteractiveToken, runs only while that user is logged on. S4U is not offered: without a password
        /// Windows cannot open the user's DPAPI keys, and the profile's secrets are DPAPI-protected.
        /// </summary>
        public bool WithPassword { get; }
    }

    /// <summary>
    /// The Task Scheduler task XML (schema 1.2, as <c>schtasks /Create /XML</c> reads it). Interval-in-window
    /// is a calendar trigger at the window's start repeating every n minutes for Duration = last start −
    /// start (the stop time, or 23:59 for 24:00); Task Scheduler starts a repetition due exactly at the end of
    /// the duration, which is why the window's stop is inclusive everywhere.
    /// </summary>
    public static class TaskSchedulerXml
    {
        public const string Namespace = "http://schemas.microsoft.com/windows/2004/02/mit/task";

        /// <param name="startDate">The calendar trigger's first day (registration day, local); the pattern repeats from it.</param>
        public static string Render(ScheduleDefinition definition, DateTime startDate, WindowsPrincipal principal)
        {
            var trigger = definition.Trigger;
            var x = new StringBuilder();
            x.Append("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n");
            x.Append("<Task version=\"1.2\" xmlns=\"").Append(Namespace).Append("\">\n");
            x.Append("  <RegistrationInfo>\n");
            x.Append("    <Description>").Append(Quoting.Xml(definition.Tag)).Append("</Description>\n");
            x.Append("    <URI>").Append(Quoting.Xml(ScheduleNames.WindowsTaskPath(definition.TaskName))).Append("</URI>\n");
            x.Append("  </RegistrationInfo>\n");
            x.Append("  <Triggers>\n");
            x.Append("    <CalendarTrigger>\n");
            if (trigger.MinutesOfDay.Count > 1)
            {
                var duration = TimeSpan.FromMinutes(trigger.LastStartMinute - trigger.Start.TotalMinutes);
                x.Append("      <Repetition>\n");
                x.Append("        <Interval>").Append(IsoDuration.Format(TimeSpan.FromMinutes(trigger.IntervalMinutes))).Append("</Interval>\n");
                x.Append("        <Duration>").Append(IsoDuration.Format(duration)).Append("</Duration>\n");
                x.Append("        <StopAtDurationEnd>false</StopAtDurationEnd>\n");
                x.Append("      </Repetition>\n");
            }
            var start = startDate.Date.AddMinutes(trigger.Start.TotalMinutes);
            x.Append("      <StartBoundary>").Append(start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)).Append("</StartBoundary>\n");
            x.Append("      <Enabled>true</Enabled>\n");
            if (trigger.DaysOfWeek.Count == 0)
            {
                x.Append("      <ScheduleByDay>\n");
                x.Append("        <DaysInterval>1</DaysInterval>\n");
                x.Append("      </ScheduleByDay>\n");
            }
            else
            {
                x.Append("      <ScheduleByWeek>\n");
                x.Append("        <DaysOfWeek>\n");
                foreach (var day in trigger.DaysOfWeek) x.Append("          <").Append(day).Append(" />\n");
                x.Append("        </DaysOfWeek>\n");
                x.Append("        <WeeksInterval>1</WeeksInterval>\n");
                x.Append("      </ScheduleByWeek>\n");
            }
            x.Append("    </CalendarTrigger>\n");
            x.Append("  </Triggers>\n");
            x.Append("  <Principals>\n");
            x.Append("    <Principal id=\"Author\">\n");
            x.Append("      <UserId>").Append(Quoting.Xml(principal.UserId)).Append("</UserId>\n");
            x.Append("      <LogonType>").Append(principal.WithPassword ? "Password" : "InteractiveToken").Append("</LogonType>\n");
            x.Append("      <RunLevel>LeastPrivilege</RunLevel>\n");
            x.Append("    </Principal>\n");
            x.Append("  </Principals>\n");
            x.Append("  <Settings>\n");
            x.Append("    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>\n");
            x.Append("    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>\n");
            x.Append("    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>\n");
            x.Append("    <StartWhenAvailable>true</StartWhenAvailable>\n");
            x.Append("    <ExecutionTimeLimit>").Append(IsoDuration.Format(definition.TimeLimit)).Append("</ExecutionTimeLimit>\n");
            x.Append("    <Enabled>true</Enabled>\n");
            x.Append("  </Settings>\n");
            x.Append("  <Actions Context=\"Author\">\n");
            x.Append("    <Exec>\n");
            x.Append("      <Command>").Append(Quoting.Xml(definition.Command.Executable)).Append("</Command>\n");
            x.Append("      <Arguments>").Append(Quoting.Xml(Quoting.WindowsCommandLine(definition.Command.Arguments))).Append("</Arguments>\n");
            x.Append("    </Exec>\n");
            x.Append("  </Actions>\n");
            x.Append("</Task>\n");
            return x.ToString();
        }
    }
}
