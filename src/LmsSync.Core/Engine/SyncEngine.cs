using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Engine
{
    /// <summary>Validates, previews and runs one profile's sync over a <see cref="SyncSession"/>.</summary>
    public sealed class SyncEngine
    {
        private readonly SyncSession _session;

        public SyncEngine(SyncSession session)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
        }

        public SyncSession Session => _session;

        /// <summary>
        /// Describe-based: every Salesforce field the mapping, rules and options name is real; mandatory LMS fields are
        /// mapped; LMS fields are known (the connector is checked first, so its custom fields are in the catalogue).
        /// </summary>
        public async Task<ValidationResult> ValidateAsync(CancellationToken ct)
        {
            var configuration = _session.Configuration;
            await _session.Lms.CheckAsync(ct).ConfigureAwait(false);
            var description = await _session.Salesforce.DescribeAsync(configuration.Source.ObjectName, ct).ConfigureAwait(false);
            var fields = new SalesforceFieldSet(description.Name, description.Fields.Select(f => f.Name).Concat(description.RelationshipNames));
            return ProfileValidator.Validate(configuration.Mapping, _session.Lms.Catalog, _session.Lms.Capabilities, fields,
                configuration.Rules, configuration.Options);
        }

        /// <summary>Reads both ends and plans; writes nothing (Get-SfLmsUser, Get-SfLmsPayload, Invoke-SfLmsSync -WhatIf).</summary>
        public async Task<SyncPreview> PreviewAsync(PreviewRequest request, IProgress<SyncProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var state = StateFile.Load(_session.Paths.State);
            await _session.Lms.CheckAsync(ct).ConfigureAwait(false);
            var context = await PlanContext.BuildAsync(_session, state.ToSyncState(), progress == null ? null : new LockedProgress(progress.Report), ct)
                .ConfigureAwait(false);
            var lmsUsers = context.Lms.Users.ToDictionary(u => u.LmsId, StringComparer.Ordinal);
            return new SyncPreview(context.Plan, context.RowsFor(request.OnlySalesforceIds), context.Source.Records, lmsUsers, _session.Lms,
                new PreviewOrgIds(new OrgIdResolver(context.Lms), context.Plan.OrgChanges), context.Source.Complete);
        }

        /// <summary>
        /// One run: lock, read, plan, guard, confirm, apply, record. Throws <see cref="RunLockedException"/> when another
        /// run holds the profile; every other outcome (failures, a corrupt state file, cancellation) comes back as the
        /// summary, which is also appended to the history.
        /// </summary>
        public Task<RunSummary> RunAsync(RunRequest request, IRunObserver observer, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (observer == null) throw new ArgumentNullException(nameof(observer));
            return new SyncRun(this, _session, request, observer).RunAsync(ct);
        }
    }
}
