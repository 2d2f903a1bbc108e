using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync;
using LmsSync.Core.Views;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;
using LmsSync.PowerShell.Sync;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Get-SfLmsPayload: for each user, the Salesforce record, every LMS value and where it came from, the import
    /// rules' verdicts, the match, the planned action and the exact requests a sync would send. Users come from the
    /// pipeline (Get-SfLmsUser rows bind by SalesforceId), and all of them are explained from one preview.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SfLmsPayload", DefaultParameterSetName = BySalesforceIdSet)]
    [OutputType(typeof(UserPayload))]
    public sealed class GetSfLmsPayloadCommand : SfLmsConnectedCmdlet
    {
        private const string BySalesforceIdSet = "BySalesforceId";
        private const string ByEmailSet = "ByEmail";
        private const int ActivityId = 0x5F2;
        private const string Activity = "Get-SfLmsPayload: previewing the sync";

        private readonly List<string> _ids = new List<string>();

        /// <summary>The users' Salesforce Ids (15 or 18 characters), also from the pipeline by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = BySalesforceIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] SalesforceId { get; set; } = new string[0];

        /// <summary>The users' emails; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEmailSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; } = new string[0];

        /// <summary>Preview this saved profile instead of the current connection.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? Profile { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == BySalesforceIdSet) _ids.AddRange(SalesforceId);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == BySalesforceIdSet && _ids.Count == 0) return;
            var wanted = ParameterSetName == BySalesforceIdSet ? _ids.Distinct(StringComparer.Ordinal).ToList() : Email.ToList();
            var request = new PreviewRequest { OnlySalesforceIds = ParameterSetName == BySalesforceIdSet ? wanted : null };
            var selectors = wanted.Select(Selector).ToList();
            try
            {
                RunConnected(async (queue, token) =>
                {
                    var session = await GetSessionAsync(Profile, token).ConfigureAwait(false);
                    var preview = await new SyncEngine(session).PreviewAsync(request, new ProgressReporter(queue, ActivityId, Activity), token).ConfigureAwait(false);
                    PreviewNotes.Write(queue, preview);
                    for (var i = 0; i < wanted.Count; i++)
                    {
                        var key = wanted[i];
                        var rows = preview.Rows.Where(selectors[i]).ToList();
                        foreach (var row in rows)
                            queue.WriteObject(UserPayload.From(row, row.SalesforceId == null ? null : preview.SourceRecord(row.SalesforceId),
                                preview.PayloadFor(row), session.Configuration.Mapping));
                        if (rows.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(key))
                            queue.WriteError(NewError(ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound,
                                $"No user '{key}' is in Salesforce (within the profile's source) or linked in the LMS. Check the id or email with Get-SfLmsUser.", key));
                    }
                });
            }
            finally
            {
                ProgressReporter.Complete(this, ActivityId, Activity);
            }
        }

        private Func<PlanRow, bool> Selector(string key)
        {
            if (ParameterSetName == BySalesforceIdSet) return row => SalesforceIds.Same(row.SalesforceId, key);
            var pattern = new WildcardPattern(key, WildcardOptions.IgnoreCase);
            return row => pattern.IsMatch(row.Email ?? row.Desired?.Email ?? "");
        }
    }
}
