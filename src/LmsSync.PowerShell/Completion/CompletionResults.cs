using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>Turns candidate names into completion results: prefix match (case-insensitive), sorted, quoted when needed.</summary>
    internal static class CompletionResults
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<string> names, string wordToComplete, Func<string, string>? tooltip = null)
        {
            var typed = (wordToComplete ?? "").Trim('\'', '"');
            return names
                .Where(name => !string.IsNullOrEmpty(name) && name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, tooltip?.Invoke(name) ?? name))
                .ToList();
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '(', ')', '{', '}', ';', ',', '&', '@', '#', '`' }) < 0 ? name : "'" + name.Replace("'", "''") + "'";
    }
}
