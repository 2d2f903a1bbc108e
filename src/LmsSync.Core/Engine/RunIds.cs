using System;
using System.Globalization;

namespace LmsSync.Core.Engine
{
    /// <summary>Run ids sort by start time and stay unique: <c>20260314-020000-1a2b3c</c>. Also a safe file name.</summary>
    internal static class RunIds
    {
        public static string New(DateTimeOffset started) =>
            started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

        public static bool IsSafe(string runId)
        {
            if (string.IsNullOrEmpty(runId) || runId.Length > 64) return false;
            foreach (var c in runId)
                if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_')) return false;
            return true;
        }
    }
}
