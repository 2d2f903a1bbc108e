using System;
using System.Threading;
using System.Threading.Tasks;
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

        /// <summary>Describe-based: every Salesforce field the mapping, rules and options name is real; mandatory LMS fields are mapped; LMS fields are known.</summary>
        public Task<ValidationResult> ValidateAsync(CancellationToken ct) => throw new NotImplementedException();

        /// <summary>Reads both ends and plans; writes nothing (Get-SfLmsUser, Get-SfLmsPayload, Invoke-SfLmsSync -WhatIf).</summary>
        public Task<SyncPreview> PreviewAsync(PreviewRequest request, IProgress<SyncProgress>? progress, CancellationToken ct) => throw new NotImplementedException();

        /// <summary>
        /// One run: lock, read, plan, guard, confirm, apply, record. Throws <see cref="Storage.RunLockedException"/> when
        /// another run holds the profile; every other outcome (failures included) comes back as the summary, also
        /// appended to the history.
        /// </summary>
        public Task<RunSummary> RunAsync(RunRequest request, IRunObserver observer, CancellationToken ct) => throw new NotImplementedException();
    }
}
