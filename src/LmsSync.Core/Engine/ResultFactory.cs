using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>Turns plan rows and their outcome into result rows and journal lines.</summary>
    internal static class ResultFactory
    {
        public static UserResult For(string runId, PlanRow row, ResultStatus status, DateTimeOffset time, string? lmsId = null, string? error = null, string? reason = null) =>
            new UserResult
            {
                RunId = runId,
                Action = row.Action,
                Status = status,
                Reason = reason ?? row.Reason,
                Changes = row.Changes,
                SalesforceId = row.SalesforceId,
                LmsId = lmsId ?? row.LmsId,
                DisplayName = row.DisplayName,
                Email = row.Email,
                Error = error,
                Time = time,
            };

        public static JournalEntry Journal(UserResult result, PlanRow row) =>
            new JournalEntry
            {
                Time = result.Time,
                RunId = result.RunId,
                Action = result.Action.ToString(),
                Status = result.Status.ToString(),
                SalesforceId = result.SalesforceId,
                LmsId = result.LmsId,
                Email = result.Email,
                Name = result.DisplayName,
                Reason = result.Reason,
                Changes = result.Changes.Count == 0 ? null : result.Changes.ToList(),
                Department = row.DepartmentChange?.ToString(),
                GroupsJoined = Names(row.GroupsToJoin),
                GroupsLeft = Names(row.GroupsToLeave),
                Error = result.Error,
            };

        public static JournalEntry Journal(string runId, OrgChange change, DateTimeOffset time, string? id, string? error) =>
            new JournalEntry
            {
                Time = time,
                RunId = runId,
                Action = change.Kind.ToString(),
                Status = error == null ? ResultStatus.Success.ToString() : ResultStatus.Failure.ToString(),
                LmsId = id ?? change.Id,
                Name = change.Name,
                Reason = change.Reason,
                Error = error,
            };

        private static List<string>? Names(IReadOnlyList<GroupRef> groups) => groups.Count == 0 ? null : groups.Select(g => g.Name).ToList();
    }
}
