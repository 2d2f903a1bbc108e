using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsProfile: the profiles saved under the LmsSync home, each with where it connects, whether it runs,
    /// and its last run. A broken profile is that profile's error; the others are still listed.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsProfile")]
    [OutputType(typeof(SavedProfile))]
    public sealed class GetSfLmsProfileCommand : SfLmsCmdlet
    {
        /// <summary>Profile names to get; wildcards allowed. Default: all.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Profile")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var store = ProfileStore.Default();
            var saved = store.List();
            foreach (var pattern in Name ?? new[] { "*" })
            {
                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                var matches = saved.Where(name => wildcard.IsMatch(name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                    WriteError(CoreErrors.ToErrorRecord(store.NotFound(pattern), pattern));
                foreach (var name in matches) WriteProfile(store, name);
            }
        }

        private void WriteProfile(ProfileStore store, string name)
        {
            try
            {
                WriteObject(SavedProfile.From(store.Load(name), store.PathsOf(name)));
            }
            catch (ProfileException e)
            {
                WriteError(CoreErrors.ToErrorRecord(e, name));
            }
        }
    }
}
