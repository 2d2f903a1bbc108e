using System;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsSyncHistory: a profile's past runs (start, status, counts), newest first; or, with -RunId (also
    /// piped from a run summary), the per-user rows of a run. Reads the profile's files: no connection needed.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsSyncHistory", DefaultParameterSetName = RunsSet)]
    [OutputType(typeof(RunSummary), ParameterSetName = new[] { RunsSet })]
    [OutputType(typeof(UserResult), ParameterSetName = new[] { ByRunIdSet })]
    public sealed class GetSfLmsSyncHistoryCommand : SfLmsCmdlet
    {
        private const string RunsSet = "Runs";
        private const string ByRunIdSet = "ByRunId";

        /// <summary>The most recent runs to show (default 10).</summary>
        [Parameter(ParameterSetName = RunsSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Last { get; set; } = 10;

        /// <summary>The per-user rows of these runs; binds RunId from a run summary in the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByRunIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] RunId { get; set; } = new string[0];

        /// <summary>The profile (default: the current connection's, else 'default'); binds Profile from a run summary.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        protected override void ProcessRecord()
        {
            var name = Profile ?? ConnectionState.Current?.Profile.Name ?? ProfileName.Default;
            ProfilePaths paths;
            try { paths = LmsSyncPaths.Default().Profile(name); }
            catch (ArgumentException e) { ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, e.Message, name, e); return; }

            if (ParameterSetName == RunsSet)
            {
                var runs = SyncHistory.Read(paths).ToList();
                if (runs.Count == 0) WriteVerbose($"Profile '{name}' has no recorded runs yet ({paths.Folder}).");
                WriteObject(Enumerable.Reverse(runs).Take(Last), enumerateCollection: true);
                return;
            }
            foreach (var id in RunId)
            {
                try
                {
                    var results = SyncHistory.ReadResults(paths, id).ToList();
                    if (results.Count == 0 && !SyncHistory.Read(paths).Any(r => r.RunId == id))
                        WriteError(NewError(ErrorIds.RunNotFound, ErrorCategory.ObjectNotFound,
                            $"Profile '{name}' has no run '{id}'. Get-SfLmsSyncHistory -Profile {name} lists its runs.", id));
                    WriteObject(results, enumerateCollection: true);
                }
                catch (ArgumentException e)
                {
                    WriteError(NewError(ErrorIds.RunNotFound, ErrorCategory.InvalidArgument, e.Message, id, e));
                }
            }
        }
    }
}
