using System;
using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync
{
    /// <summary>Everything the planner needs, and nothing else: it reads no clock, file or network of its own.</summary>
    public sealed class PlanInput
    {
        public PlanInput(
            IReadOnlyList<SourceUser> sourceUsers,
            bool salesforceReadComplete,
            LmsSnapshot lms,
            SyncState state,
            SyncMapping mapping,
            LmsFieldCatalog catalog,
            LmsCapabilities capabilities,
            IClock clock,
            SyncOptions? options = null,
            IReadOnlyList<ImportRule>? rules = null,
            ImportScope? scope = null)
        {
            SourceUsers = sourceUsers ?? throw new ArgumentNullException(nameof(sourceUsers));
            SalesforceReadComplete = salesforceReadComplete;
            Lms = lms ?? throw new ArgumentNullException(nameof(lms));
            State = state ?? throw new ArgumentNullException(nameof(state));
            Mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            Capabilities = capabilities ?? throw new ArgumentNullException(nameof(capabilities));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Options = options ?? new SyncOptions();
            Rules = rules ?? new ImportRule[0];
            Scope = scope;
        }

        /// <summary>The Salesforce users read for this run (active and inactive).</summary>
        public IReadOnlyList<SourceUser> SourceUsers { get; }

        /// <summary>
        /// True only when the read returned every user it should (all pages, no error). When false, nobody is
        /// deactivated as NotInSalesforce: a partial read never counts as people leaving.
        /// </summary>
        public bool SalesforceReadComplete { get; }

        public LmsSnapshot Lms { get; }
        public SyncState State { get; }
        public SyncMapping Mapping { get; }
        public LmsFieldCatalog Catalog { get; }
        public LmsCapabilities Capabilities { get; }
        public IClock Clock { get; }
        public SyncOptions Options { get; }
        public IReadOnlyList<ImportRule> Rules { get; }
        public ImportScope? Scope { get; }

        /// <summary>
        /// The users' source side, evaluated while Salesforce was read (<see cref="SourceEvaluation"/>); null, or one that
        /// does not fit this input, and the planner evaluates them itself. The plan is the same either way.
        /// </summary>
        internal SourceEvaluation? Evaluation { get; private set; }

        internal PlanInput WithEvaluation(SourceEvaluation? evaluation)
        {
            Evaluation = evaluation;
            return this;
        }
    }
}
