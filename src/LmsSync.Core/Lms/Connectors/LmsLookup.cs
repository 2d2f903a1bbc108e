using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// The keys the matcher could use for a set of people: stored links' LMS ids, Salesforce Ids (for the LMS's
    /// Salesforce Id field), emails and logins. Blank values are dropped; duplicates collapse (emails and logins
    /// case-insensitively, as the matcher compares them). <see cref="Everyone"/> asks for every user instead.
    /// </summary>
    public sealed class LmsLookup
    {
        private readonly HashSet<string> _lmsIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _salesforceIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _logins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A lookup that reads every user: when so many people changed that filtered calls would cost more than paging through all.</summary>
        public static LmsLookup Everyone() => new LmsLookup { ReadsEveryone = true };

        /// <summary>True when the connector should read all users (the snapshot is then complete); the keys are empty.</summary>
        public bool ReadsEveryone { get; private set; }

        public IReadOnlyCollection<string> LmsIds => _lmsIds;

        /// <summary>Each Salesforce Id as read and as its 15-character key: the LMS may keep either form.</summary>
        public IReadOnlyCollection<string> SalesforceIds => _salesforceIds;

        public IReadOnlyCollection<string> Emails => _emails;
        public IReadOnlyCollection<string> Logins => _logins;

        /// <summary>How many keys in all (what a log line reports).</summary>
        public int Count => _lmsIds.Count + _salesforceIds.Count + _emails.Count + _logins.Count;

        public LmsLookup AddLmsId(string? id) => Add(_lmsIds, id);

        public LmsLookup AddSalesforceId(string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) return this;
            Add(_salesforceIds, id);
            return Add(_salesforceIds, Sync.SalesforceIds.Key(id!));
        }

        public LmsLookup AddEmail(string? email) => Add(_emails, email);
        public LmsLookup AddLogin(string? login) => Add(_logins, login);

        private LmsLookup Add(HashSet<string> set, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) set.Add(value!.Trim());
            return this;
        }
    }
}
