using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LmsSync.Core.Lms;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Completion
{
    /// <summary>
    /// Completes LMS field names from the connected LMS's catalogue (custom fields included), plus
    /// <c>department</c> and <c>group</c> for the department and group mappings. Without a connection, the
    /// built-in catalogue of the LMS kind named by -LmsType, or of all kinds.
    /// </summary>
    public sealed class LmsFieldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var catalog = ConnectionState.Current?.Session.Lms.Catalog;
            var definitions = catalog != null
                ? catalog.Fields
                : new[] { Core.Sync.LmsKind.SkyPrep, Core.Sync.LmsKind.ISpring, Core.Sync.LmsKind.Scim }.SelectMany(k => LmsFieldCatalog.For(k).Fields);
            var tips = definitions.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().Description ?? g.Key, System.StringComparer.OrdinalIgnoreCase);
            var names = tips.Keys.Concat(new[] { MappingTargets.Department, MappingTargets.Group });
            return CompletionResults.From(names, wordToComplete, name => tips.TryGetValue(name, out var tip) ? tip : $"The user's {name} mapping");
        }
    }
}
