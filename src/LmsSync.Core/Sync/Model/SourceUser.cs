using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// One Salesforce user as the sync sees it: the record and the names of the public groups it belongs to.
    /// </summary>
    public sealed class SourceUser
    {
        private static readonly IReadOnlyList<string> NoGroups = new string[0];
        private static readonly RecordField IsActiveField = new RecordField("IsActive");
        private static readonly RecordField NameField = new RecordField("Name");
        private static readonly RecordField FirstNameField = new RecordField("FirstName");
        private static readonly RecordField LastNameField = new RecordField("LastName");

        [MethodImpl(Jit.Optimized)]
        public SourceUser(SalesforceRecord record, IReadOnlyList<string>? publicGroups = null)
        {
            Record = record ?? throw new ArgumentNullException(nameof(record));
            SalesforceId = record.Id ?? throw new ArgumentException("A Salesforce user needs its Id selected.", nameof(record));
            PublicGroups = publicGroups ?? NoGroups;
            IsActive = ReadIsActive(record);
        }

        public SalesforceRecord Record { get; }
        public string SalesforceId { get; }

        /// <summary>Names of the Salesforce public groups the user is a member of.</summary>
        public IReadOnlyList<string> PublicGroups { get; }

        /// <summary>
        /// The record's <c>IsActive</c>; a record without that field (e.g. a Contact) counts as active.
        /// </summary>
        public bool IsActive { get; }

        /// <summary><c>Name</c>, else first and last name, else the Id: for previews only.</summary>
        public string DisplayName
        {
            get
            {
                var name = SalesforceValue.ToText(Record[NameField]);
                if (!string.IsNullOrWhiteSpace(name)) return name!;
                var joined = (SalesforceValue.ToText(Record[FirstNameField]) + " " + SalesforceValue.ToText(Record[LastNameField])).Trim();
                return joined.Length > 0 ? joined : SalesforceId;
            }
        }

        private static bool ReadIsActive(SalesforceRecord record)
        {
            switch (record[IsActiveField])
            {
                case bool b: return b;
                case string s when bool.TryParse(s.Trim(), out var parsed): return parsed;
                default: return true;
            }
        }
    }
}
