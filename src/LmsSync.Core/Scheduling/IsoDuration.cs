using System;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>xs:duration text as Task Scheduler writes it: PT45M, PT1H30M, P1D.</summary>
    internal static class IsoDuration
    {
        public static string Format(TimeSpan span)
        {
            var text = new StringBuilder("P");
            if (span.Days > 0) text.Append(span.Days).Append('D');
            if (span.Hours > 0 || span.Minutes > 0 || span.Seconds > 0 || span.Days == 0) text.Append('T');
            if (span.Hours > 0) text.Append(span.Hours).Append('H');
            if (span.Minutes > 0) text.Append(span.Minutes).Append('M');
            if (span.Seconds > 0 || (span.Days == 0 && span.Hours == 0 && span.Minutes == 0)) text.Append(span.Seconds).Append('S');
            return text.ToString();
        }
    }
}
