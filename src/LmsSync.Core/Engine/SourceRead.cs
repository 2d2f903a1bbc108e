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
            string? incompleteReason, DateTimeOffset? maxSystemModstamp)
        {
            Users = users;
            Records = records;
            Complete = complete;
            IncompleteReason = incompleteReason;
            MaxSystemModstamp = maxSystemModstamp;
        }

        public IReadOnlyList<SourceUser> Users { get; }

        /// <summary>Records by 15-character id.</summary>
        public IReadOnlyDictionary<string, SalesforceRecord> Records { get; }
        public bool Complete { get; }

        /// <summary>Why the read stopped early (the Salesforce error), or null.</summary>
        public string? IncompleteReason { get; }
        public DateTimeOffset? MaxSystemModstamp { get; }
    }
}
