using System;
using System.Collections.Generic;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>What one read of Salesforce produced, and whether it is the whole set.</summary>
    internal sealed class SourceRead
    {
        public SourceRead(IReadOnlyList<SourceUser> users, IReadOnlyDictionary<string, SalesforceRecord> records, bool complete,
            string? incompleteReason, DateTimeOffset? maxSystemModstamp, ReadMode mode = ReadMode.Full,
            Dictionary<string, string>? groupSnapshot = null)
        {
            Users = users;
            Records = records;
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

        /// <summary>Records by 15-character id.</summary>
        public IReadOnlyDictionary<string, SalesforceRecord> Records { get; }
        /// <summary>True when the query (or queries) returned every record they selected.</summary>
        public bool Complete { get; }

        /// <summary>Why the read stopped early (the Salesforce error), or null.</summary>
        public string? IncompleteReason { get; }
        public DateTimeOffset? MaxSystemModstamp { get; }
    }
}
