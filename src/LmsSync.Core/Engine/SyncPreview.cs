using System;
using System.Collections.Generic;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// A plan with what explains it: the Salesforce records and LMS users it was made from, and the requests a row
    /// would send. Nothing was written to produce it.
    /// </summary>
    public sealed class SyncPreview
    {
        private readonly SourceRead _source;
        private readonly IReadOnlyDictionary<string, LmsUser> _lmsUsers;
        private readonly ILmsConnector _lms;
        private readonly IOrgIdResolver _orgIds;

        internal SyncPreview(Plan plan, IReadOnlyList<PlanRow> rows, SourceRead source,
            IReadOnlyDictionary<string, LmsUser> lmsUsers, ILmsConnector lms, IOrgIdResolver orgIds, bool salesforceReadComplete)
        {
            Plan = plan;
            Rows = rows;
            _source = source;
            _lmsUsers = lmsUsers;
            _lms = lms;
            _orgIds = orgIds;
            SalesforceReadComplete = salesforceReadComplete;
        }

        /// <summary>The whole plan (everyone, so that counts and the guard's verdict are those of a full run).</summary>
        public Plan Plan { get; }

        /// <summary>The rows the request asked for (all of <see cref="Plan"/>'s rows when it named nobody).</summary>
        public IReadOnlyList<PlanRow> Rows { get; }

        public bool SalesforceReadComplete { get; }

        /// <summary>The Salesforce record a row was planned from (15- or 18-character id), or null.</summary>
        public SalesforceRecord? SourceRecord(string salesforceId) =>
            salesforceId != null ? _source.RecordOf(salesforceId) : null;

        /// <summary>The exact requests applying the row would send; empty for rows that write nothing. Never contains a secret.</summary>
        public IReadOnlyList<PayloadPreview> PayloadFor(PlanRow row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            if (!RowApplier.NeedsLmsCall(row)) return new PayloadPreview[0];
            return _lms.Preview(row, _orgIds);
        }

        /// <summary>The LMS user as read for this preview, or null.</summary>
        public LmsUser? LmsUser(string lmsId) => lmsId != null && _lmsUsers.TryGetValue(lmsId, out var user) ? user : null;
    }
}
