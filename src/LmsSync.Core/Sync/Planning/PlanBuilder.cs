using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// One planning pass, in stages: evaluate and match every Salesforce user; set aside those not synced
    /// (administrators, inactive, terminated, skipped); settle contested claims among the rest; decide their action; compute field changes and settle email/login collisions; fill in changes and organisation changes; add
    /// linked LMS users no longer in Salesforce; delete empty departments (these two only from a whole-LMS snapshot); summarise and guard.
    /// </summary>
    internal sealed class PlanBuilder
    {
        private readonly PlanInput _input;
        private readonly SyncOptions _options;
        private readonly LmsCapabilities _capabilities;
        private readonly Matcher _matcher;
        private readonly OrgDirectory _org;
        private readonly ScopeFilter _scope;
        private readonly TerminationPolicy _termination;
        private readonly OrgChanges _orgChanges;
        private readonly HashSet<string> _managedGroupNames;
        private readonly ChangeCalculator _changes;

        private readonly PerUser _perUser;

        public PlanBuilder(PlanInput input, PerUser perUser)
        {
            _input = input;
            _options = input.Options;
            _capabilities = input.Capabilities;
            _perUser = perUser;
            _matcher = new Matcher(input.Lms, input.State.Links, perUser);
            _org = new OrgDirectory(input.Lms);
            _scope = new ScopeFilter(input.Scope);
            _termination = new TerminationPolicy(_options, input.Clock.UtcNow);
            _orgChanges = new OrgChanges(_options.NewDepartmentParentId);
            _managedGroupNames = new HashSet<string>(input.State.ManagedGroupNames, StringComparer.OrdinalIgnoreCase);
            _changes = new ChangeCalculator(input.Catalog, input.Capabilities);
        }

        [MethodImpl(Jit.Optimized)]
        public Plan Build()
        {
            // The stages marked "per user" read shared, settled data and write only their own entries, so they run in
            // chunks on every core (PerUser); the others depend on order or on all users, and run on this thread.
            var entries = Evaluate();
            ClaimResolver.Resolve(entries);
            _perUser.For(entries.Length, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                // Per user, with a decider of its own: it caches group resolutions.
                var decide = NewDecider();
                for (var i = from; i < to; i++)
                {
                    var entry = entries[i];
                    decide.DecideSynced(entry);
                    if (entry.Syncs) entry.Changes = _changes.Changes(entry.Desired, entry.LmsUser);
                }
            });
            IdentityCollisions.Resolve(entries, _input.Lms, _input.Catalog, _perUser);
            var decide = NewDecider();
            foreach (var entry in entries)
            {
                decide.SkipCreateWithBlankMandatoryField(entry);
                if (entry.Syncs && entry.Groups != null)
                    foreach (var group in entry.Groups) _managedGroupNames.Add(group.Name);
            }

            // Per user: the rows, now that the managed group names are known; then, in order, the organisation changes they need.
            _perUser.For(entries.Length, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                for (var i = from; i < to; i++)
                    if (entries[i].Syncs) Fill(entries[i]);
            });
            var rows = new List<PlanRow>(entries.Length + 16);
            foreach (var entry in entries)
            {
                if (entry.Syncs) AddOrgChanges(entry);
                rows.Add(entry.Row!);
            }
            var staleLinks = new List<Link>();
            // A lookup snapshot holds only the users that could match those read: a linked user missing from it may well
            // exist, and a department may look empty only because its members were not fetched. Both need the whole LMS.
            if (_input.Lms.UsersComplete)
            {
                var missing = new MissingUsers(_options, _input.SalesforceReadComplete, _matcher);
                missing.AddRows(_input.State.Links, _read, rows, staleLinks, _perUser);
                if (_options.DeleteEmptyDepartments)
                    EmptyDepartments.Add(_input.Lms, _input.State, rows, _orgChanges, _options.NewDepartmentParentId);
            }

            var summary = PlanSummarizer.Summarize(rows, _orgChanges.All, _input, _matcher, staleLinks.Count, _perUser);
            return new Plan(rows, _orgChanges.All, summary, _managedGroupNames, staleLinks, _input.Clock.UtcNow);
        }

        private UserDecider NewDecider() => new UserDecider(_options, _capabilities, _org, _scope, _termination, _input.Mapping, _input.Catalog);

        /// <summary>Each Salesforce key read, with the index of its first record.</summary>
        private Dictionary<string, int> _read = new Dictionary<string, int>();

        /// <summary>Per user: the match, and the users not synced whatever they match (they need nothing but their own entry).</summary>
        [MethodImpl(Jit.Optimized)]
        private PlanEntry[] Evaluate()
        {
            var evaluation = _input.Evaluation is SourceEvaluation given && given.Fits(_input) ? given : SourceEvaluation.Of(_input, _perUser);
            var read = _read = evaluation.FirstIndex;
            var entries = new PlanEntry[evaluation.Count];
            _perUser.For(entries.Length, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                var decide = NewDecider();
                for (var i = from; i < to; i++)
                {
                    var user = evaluation[i];
                    var match = _matcher.Match(user.Desired);
                    var entry = entries[i] = new PlanEntry(user.User, user.Verdict, user.Desired, user.ScopeReason, match);
                    if (read.TryGetValue(user.User.SalesforceId, out var first) && first != i)
                        entry.Row = Rows.Skip(entry, "this Salesforce user was read twice; only the first record counts");
                    decide.DecideUnsynced(entry);
                }
            });
            return entries;
        }

        /// <summary>The departments and groups a user to sync needs created, in the order the users come.</summary>
        [MethodImpl(Jit.Optimized)]
        private void AddOrgChanges(PlanEntry entry)
        {
            if (entry.Department is OrgTarget department && department.IsNew) _orgChanges.CreateDepartment(department.Name);
            if (entry.Groups != null)
                foreach (var target in entry.Groups)
                    if (target.IsNew) _orgChanges.CreateGroup(target.Name);
        }

        /// <summary>Settles a user to create, update or reactivate: field changes, department, groups.</summary>
        [MethodImpl(Jit.Optimized)]
        private void Fill(PlanEntry entry)
        {
            var lms = entry.LmsUser;
            var creating = lms == null;
            var row = Rows.For(entry, creating ? PlanAction.Create : PlanAction.NoChange);
            row.Changes = entry.Changes!;
            row.DepartmentChange = DepartmentMove(entry, lms);
            if (entry.Groups != null) FillGroups(row, entry.Groups, lms);
            row.CreatesLink = creating || !entry.Match.IsLinked;
            if (creating)
            {
                row.Reason = entry.Match.StaleLink ? "not in the LMS (its linked LMS user no longer exists)" : "not in the LMS";
                row.SendWelcomeEmail = _options.SendWelcomeEmail && _capabilities.SupportsWelcomeEmail;
            }
            else if (!lms!.Active)
            {
                row.Action = PlanAction.Reactivate;
                row.Reason = "active in Salesforce again";
            }
            else if (row.Changes.Count > 0 || row.DepartmentChange != null || row.GroupsToJoin.Count > 0 || row.GroupsToLeave.Count > 0)
            {
                row.Action = PlanAction.Update;
            }
            else if (row.CreatesLink)
            {
                row.Reason = $"matched by {entry.Match.Method}; the link is recorded";
            }
            entry.Row = row;
        }

        [MethodImpl(Jit.Optimized)]
        private DepartmentChange? DepartmentMove(PlanEntry entry, LmsUser? lms)
        {
            if (entry.Department == null) return null;
            var target = entry.Department.Value;
            if (lms != null && !target.IsNew && string.Equals(lms.DepartmentId, target.Id, StringComparison.Ordinal)) return null;
            var from = lms == null ? null : _org.DepartmentById(lms.DepartmentId);
            return new DepartmentChange(lms?.DepartmentId, from?.Name, target.Id, target.Name);
        }

        [MethodImpl(Jit.Optimized)]
        private void FillGroups(PlanRow row, List<OrgTarget> targets, LmsUser? lms)
        {
            // A user has a handful of groups: linear scans beat hash sets here.
            var current = lms?.GroupIds;
            List<GroupRef>? join = null;
            foreach (var target in targets)
                if (target.IsNew || current == null || !Contains(current, target.Id!)) (join ??= new List<GroupRef>()).Add(new GroupRef(target.Id, target.Name));
            if (join != null) row.GroupsToJoin = join;
            if (lms == null || !_options.RemoveFromStaleGroups) return;

            List<GroupRef>? leave = null;
            var groupIds = lms.GroupIds;
            for (var i = 0; i < groupIds.Count; i++)
            {
                var id = groupIds[i];
                if (Wanted(targets, id)) continue;
                var group = _org.GroupById(id);
                if (group == null || !IsManaged(group) || !_scope.IncludesGroup(group.Name)) continue;
                (leave ??= new List<GroupRef>()).Add(new GroupRef(group.Id, group.Name));
            }
            if (leave != null) row.GroupsToLeave = leave;
        }

        private static bool Contains(IReadOnlyList<string> ids, string id)
        {
            for (var i = 0; i < ids.Count; i++)
                if (string.Equals(ids[i], id, StringComparison.Ordinal)) return true;
            return false;
        }

        private static bool Wanted(List<OrgTarget> targets, string id)
        {
            for (var i = 0; i < targets.Count; i++)
                if (string.Equals(targets[i].Id, id, StringComparison.Ordinal)) return true;
            return false;
        }

        /// <summary>A group is the integration's when its state says so or this run's mapping produces its name.</summary>
        private bool IsManaged(LmsGroup group) => _input.State.IsManagedGroup(group) || _managedGroupNames.Contains(group.Name);
    }
}
