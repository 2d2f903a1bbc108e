using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>Completes the names of the current connection's import rules.</summary>
    public sealed class ImportRuleNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var current = ConnectionState.Current;
            if (current == null) return Enumerable.Empty<CompletionResult>();
            var rules = current.Profile.Sync.Rules.ToList();
            return CompletionResults.From(rules.Select(r => r.Name), wordToComplete,
                name => string.Join(" AND ", rules.First(r => r.Name == name).Conditions.Select(c => c.ToString())));
        }
    }
}
