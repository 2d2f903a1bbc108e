using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Views
{
    /// <summary>
    /// One user as the integration sees it (Get-SfLmsUser, Invoke-SfLmsSync -WhatIf): who, what the plan does with
    /// them and why. The "Users tab" of the connectors it replaces, one row per plan row.
    /// </summary>
    public sealed class UserPreview
    {
        private UserPreview(PlanRow row)
        {
            Row = row;
            SalesforceId = row.SalesforceId;
            Name = row.DisplayName ?? row.Desired?.DisplayName ?? row.SalesforceId;
            Email = row.Email ?? row.Desired?.Email;
            Department = row.Desired?.Department?.Value ?? row.DepartmentChange?.ToName ?? row.DepartmentChange?.FromName;
            Action = row.Action;
            Reason = row.Reason;
            LmsId = row.LmsId;
            MatchedBy = row.MatchedBy;
            Changes = row.Changes;
            GroupsToJoin = row.GroupsToJoin.Select(g => g.Name).ToList();
            GroupsToLeave = row.GroupsToLeave.Select(g => g.Name).ToList();
            DepartmentChange = row.DepartmentChange?.ToString();
        }

        public static UserPreview From(PlanRow row) => new UserPreview(row ?? throw new ArgumentNullException(nameof(row)));

        /// <summary>The user's Salesforce Id: pipe the row to Get-SfLmsPayload or Invoke-SfLmsSync, which bind it by name.</summary>
        public string? SalesforceId { get; }
        public string? Name { get; }
        public string? Email { get; }

        /// <summary>The department the user is (or will be) in, as mapped from Salesforce.</summary>
        public string? Department { get; }

        public PlanAction Action { get; }
        public string? Reason { get; }
        public string? LmsId { get; }
        public MatchMethod MatchedBy { get; }

        /// <summary>Profile fields the sync writes, old → new.</summary>
        public IReadOnlyList<FieldChange> Changes { get; }

        public string? DepartmentChange { get; }
        public IReadOnlyList<string> GroupsToJoin { get; }
        public IReadOnlyList<string> GroupsToLeave { get; }

        /// <summary>The planner's row itself, with the rule verdict and every mapped value.</summary>
        public PlanRow Row { get; }

        /// <summary>The changes as one line: <c>title: 'a' → 'b'; department: Sales → Support</c>.</summary>
        public string ChangeText => ChangeSummary.Describe(Changes, DepartmentChange, GroupsToJoin, GroupsToLeave);

        public override string ToString() => $"{Action} {Name}{(Reason == null ? "" : ": " + Reason)}";
    }

    /// <summary>How a list of changes reads in a table cell.</summary>
    public static class ChangeSummary
    {
        public static string Describe(IReadOnlyList<FieldChange> changes, string? departmentChange = null,
            IReadOnlyList<string>? joins = null, IReadOnlyList<string>? leaves = null)
        {
            var parts = new List<string>();
            foreach (var change in changes) parts.Add($"{change.Field}: {Quote(change.Old)} → {Quote(change.New)}");
            if (departmentChange != null) parts.Add("department: " + departmentChange);
            if (joins != null && joins.Count > 0) parts.Add("+groups: " + string.Join(", ", joins));
            if (leaves != null && leaves.Count > 0) parts.Add("-groups: " + string.Join(", ", leaves));
            return string.Join("; ", parts);
        }

        private static string Quote(string? value) => value == null ? "(none)" : "'" + value + "'";
    }
}
