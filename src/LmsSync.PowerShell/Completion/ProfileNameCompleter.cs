using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LmsSync.Core.Profiles;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>Completes the names of saved profiles (folders under the LmsSync home).</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return CompletionResults.From(ProfileStore.Default().List(), wordToComplete);
            }
            catch (System.Exception)
            {
                // Completion must never throw at the user; an unreadable home simply completes nothing.
                return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
