using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>
    /// Completes Salesforce field names of the source object (User or Contact) from the connection's describe,
    /// which the Salesforce client caches; the first completion may wait briefly for it.
    /// </summary>
    public sealed class SalesforceFieldCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var current = ConnectionState.Current;
            if (current == null) return Enumerable.Empty<CompletionResult>();
            try
            {
                var describe = current.Session.Salesforce.DescribeAsync(current.Profile.Sync.Source.ObjectName);
                if (!describe.Wait(Wait)) return Enumerable.Empty<CompletionResult>();
                var fields = describe.Result.Fields;
                return CompletionResults.From(fields.Select(f => f.Name), wordToComplete,
                    name => fields.First(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) is var f ? $"{f.Label} ({f.Type})" : name);
            }
            catch (Exception)
            {
                // Completion must never throw at the user; a failed describe completes nothing.
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
