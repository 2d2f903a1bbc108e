using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>Completes the time-zone ids this machine knows (IANA on Linux and macOS, Windows ids on Windows).</summary>
    public sealed class TimeZoneCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var zones = TimeZoneInfo.GetSystemTimeZones();
            return CompletionResults.From(zones.Select(z => z.Id).Concat(new[] { "UTC" }), wordToComplete,
                id => zones.FirstOrDefault(z => z.Id == id)?.DisplayName ?? id);
        }
    }
}
