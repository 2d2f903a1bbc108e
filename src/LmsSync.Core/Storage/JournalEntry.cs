using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// One applied change, as one line of <c>journal/yyyy-MM.jsonl</c>: when, which run, whom, what (fields old → new),
    /// and how it ended. Answers "what did the sync do to Ann last Tuesday". Never a secret.
    /// </summary>
    public sealed class JournalEntry
    {
        public DateTimeOffset Time { get; set; }
        public string RunId { get; set; } = "";

        /// <summary>Create, Update, Deactivate, Reactivate, or an org change (CreateDepartment, CreateGroup, DeleteDepartment).</summary>
        public string Action { get; set; } = "";
        public string Status { get; set; } = "";
        public string? SalesforceId { get; set; }
        public string? LmsId { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Reason { get; set; }
        public List<FieldChange>? Changes { get; set; }
        public string? Department { get; set; }
        public List<string>? GroupsJoined { get; set; }
        public List<string>? GroupsLeft { get; set; }
        public string? Error { get; set; }
    }
}
