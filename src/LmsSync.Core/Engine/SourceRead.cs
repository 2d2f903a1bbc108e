using System;
using System.Collections.Generic;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>What one read of Salesforce produced, and whether it is the whole set.</summary>
    internal sealed class SourceRead
    {
        /// <param name="users">The users read, first records only.</param>
        /// <param name="index">Each user's position in <paramref name="users"/> by Salesforce Id (compared by its key, <see cref="SalesforceKeyComparer"/>).</param>
        public SourceRead(IReadOnlyList<SourceUser> users, IReadOnlyDictionary<string, int> index, bool complete,
            string? incompleteReason, DateTimeOffset? maxSystemModstamp, ReadMode mode = ReadMode.Full,
            Dictionary<string, string>? groupSnapshot = null)
        {
            Users = users;
            _index = index;
            Complete = complete;
            IncompleteReason = incompleteReason;
            MaxSystemModstamp = maxSystemModstamp;
            Mode = mode;
            GroupSnapshot = groupSnapshot;
        }

        /// <summary>Full: every user the source query selects; Incremental: only the changed ones (never complete as a set of everyone).</summary>
        public ReadMode Mode { get; }

        /// <summary>The public-group snapshot read this time (user id → hash), or null when groups are not read.</summary>
        public Dictionary<string, string>? GroupSnapshot { get; }

        public IReadOnlyList<SourceUser> Users { get; }

        private readonly IReadOnlyDictionary<string, int> _index;

        /// <summary>
        /// The record of the user with this id (15 or 18 characters), or null. Looked up through the table the read keeps of
        /// its users' positions anyway (which the planner shares), not a second table of 100,000 records.
        /// </summary>
        public SalesforceRecord? RecordOf(string salesforceId) => _index.TryGetValue(salesforceId, out var at) ? Users[at].Record : null;

        /// <summary>True when the query (or queries) returned every record they selected.</summary>
        public bool Complete { get; }

        /// <summary>Why the read stopped early (the Salesforce error), or null.</summary>
        public string? IncompleteReason { get; }
        public DateTimeOffset? MaxSystemModstamp { get; }
    }
}
