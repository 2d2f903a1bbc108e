using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// Applies a plan to an in-memory LMS and state the way an executor would, reading only the plan's rows
/// and org changes (never the desired users). After each write the user is "read back" as a connector
/// would: email, login and Salesforce Id come from the fields the LMS holds.
/// </summary>
internal sealed class ApplySimulator
{
    private readonly LmsFieldCatalog _catalog;
    private readonly LmsCapabilities _capabilities;
    private int _nextId;

    public ApplySimulator(LmsFieldCatalog catalog, LmsCapabilities capabilities)
    {
        _catalog = catalog;
        _capabilities = capabilities;
    }

    public (LmsSnapshot Lms, SyncState State) Apply(Plan plan, LmsSnapshot lms, SyncState state, DateTimeOffset now, string rootDepartmentId)
    {
        var users = lms.Users.ToDictionary(u => u.LmsId, u => new MutableUser(u));
        var order = lms.Users.Select(u => u.LmsId).ToList();
        var departments = lms.Departments.ToList();
        var groups = lms.Groups.ToList();
        var links = state.Links.ToList();
        var managedGroupIds = new HashSet<string>(state.ManagedGroupIds);
        var createdDepartments = new HashSet<string>(state.CreatedDepartmentIds);
        var newDepartments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var newGroups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var change in plan.OrgChanges.Where(c => c.Kind != OrgChangeKind.DeleteDepartment))
        {
            var id = "sim-" + (++_nextId);
            if (change.Kind == OrgChangeKind.CreateDepartment)
            {
                departments.Add(new LmsDepartment(id, change.Name, change.ParentId ?? rootDepartmentId));
                createdDepartments.Add(id);
                newDepartments[change.Name] = id;
            }
            else
            {
                groups.Add(new LmsGroup(id, change.Name));
                managedGroupIds.Add(id);
                newGroups[change.Name] = id;
            }
        }

        foreach (var row in plan.Rows)
        {
            MutableUser? user = null;
            switch (row.Action)
            {
                case PlanAction.Create:
                    user = new MutableUser("sim-" + (++_nextId));
                    users[user.LmsId] = user;
                    order.Add(user.LmsId);
                    break;
                case PlanAction.Update:
                case PlanAction.Reactivate:
                case PlanAction.NoChange:
                    user = users[row.LmsId!];
                    break;
                case PlanAction.Deactivate:
                    users[row.LmsId!].Active = false;
                    continue;
                default:
                    continue;
            }
            foreach (var change in row.Changes) user.Fields[change.Field] = change.New;
            if (row.DepartmentChange != null)
                user.DepartmentId = row.DepartmentChange.ToId ?? newDepartments[row.DepartmentChange.ToName];
            foreach (var leave in row.GroupsToLeave) user.GroupIds.Remove(leave.Id!);
            foreach (var join in row.GroupsToJoin) user.GroupIds.Add(join.Id ?? newGroups[join.Name]);
            if (row.Action == PlanAction.Create || row.Action == PlanAction.Reactivate) user.Active = true;
            if (row.CreatesLink)
            {
                links.RemoveAll(l => SalesforceIds.Same(l.SalesforceId, row.SalesforceId));
                links.Add(new Link(row.SalesforceId!, user.LmsId, row.LinkOrigin, now));
            }
        }

        foreach (var delete in plan.OrgChanges.Where(c => c.Kind == OrgChangeKind.DeleteDepartment))
        {
            Assert.DoesNotContain(users.Values, u => u.DepartmentId == delete.Id);
            departments.RemoveAll(d => d.Id == delete.Id);
            createdDepartments.Remove(delete.Id!);
        }
        foreach (var stale in plan.StaleLinks) links.Remove(stale);

        var snapshot = new LmsSnapshot(order.Select(id => users[id].ReadBack(_catalog, _capabilities)).ToList(), groups, departments);
        return (snapshot, new SyncState(links, managedGroupIds, plan.ManagedGroupNames, createdDepartments));
    }

    private sealed class MutableUser
    {
        public MutableUser(string id)
        {
            LmsId = id;
            Fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            GroupIds = new List<string>();
        }

        public MutableUser(LmsUser user)
        {
            LmsId = user.LmsId;
            Fields = new Dictionary<string, string?>(user.Fields.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
            GroupIds = user.GroupIds.ToList();
            DepartmentId = user.DepartmentId;
            Active = user.Active;
            Email = user.Email;
            Login = user.Login;
            SalesforceId = user.SalesforceId;
            IsAdmin = user.IsAdmin;
        }

        public string LmsId { get; }
        public Dictionary<string, string?> Fields { get; }
        public List<string> GroupIds { get; }
        public string? DepartmentId { get; set; }
        public bool Active { get; set; }
        public string? Email { get; set; }
        public string? Login { get; set; }
        public string? SalesforceId { get; set; }
        public bool IsAdmin { get; set; }

        /// <summary>What a connector would read: identity properties come from the stored fields.</summary>
        public LmsUser ReadBack(LmsFieldCatalog catalog, LmsCapabilities capabilities)
        {
            if (catalog.EmailField != null && Fields.TryGetValue(catalog.EmailField, out var email)) Email = email;
            if (catalog.LoginField != null && Fields.TryGetValue(catalog.LoginField, out var login)) Login = login;
            else if (catalog.LoginField == null) Login = Email;
            if (capabilities.SalesforceIdField != null && Fields.TryGetValue(capabilities.SalesforceIdField, out var sfId)) SalesforceId = sfId;
            return new LmsUser(LmsId, Login, Email, Active, Fields, DepartmentId, GroupIds.Distinct().ToList(), SalesforceId, IsAdmin);
        }
    }
}
