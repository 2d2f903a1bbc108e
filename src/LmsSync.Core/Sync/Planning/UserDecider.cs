using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Decides what happens to one Salesforce user, in order of precedence: administrators; inactive;
    /// terminated; skipped by a rule or the scope; then (once claims are settled) disputes; no (or an
    /// ambiguous) department or group; otherwise create, update or reactivate (details are filled later).
    /// Only linked users are deactivated. Disputes come after the user's own status because a user who is
    /// not synced touches no LMS user, so whom it would match does not matter.
    /// </summary>
    internal sealed class UserDecider
    {
        private readonly SyncOptions _options;
        private readonly LmsCapabilities _capabilities;
        private readonly OrgDirectory _org;
        private readonly ScopeFilter _scope;
        private readonly TerminationPolicy _termination;
        private readonly SyncMapping _mapping;
        private readonly List<string> _mandatoryFields = new List<string>();

        public UserDecider(SyncOptions options, LmsCapabilities capabilities, OrgDirectory org, ScopeFilter scope,
            TerminationPolicy termination, SyncMapping mapping, LmsFieldCatalog catalog)
        {
            foreach (var field in catalog.Fields)
                if (field.Mandatory) _mandatoryFields.Add(field.Name);
            _options = options;
            _capabilities = capabilities;
            _org = org;
            _scope = scope;
            _termination = termination;
            _mapping = mapping;
        }

        /// <summary>
        /// First pass, before claims are settled: users who are not synced whatever they match — administrators,
        /// inactive, terminated, skipped. A disputed match is never linked, so it can only lead to a Skip here.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public void DecideUnsynced(PlanEntry entry)
        {
            if (entry.Row == null) entry.Row = Unsynced(entry);
        }

        /// <summary>Second pass, after claims: disputes, department and groups, reactivation; otherwise the user syncs.</summary>
        [MethodImpl(Jit.Optimized)]
        public void DecideSynced(PlanEntry entry)
        {
            if (entry.Row != null) return;
            entry.Row = Blocked(entry);
            if (entry.Row == null) entry.Syncs = true;
        }

        [MethodImpl(Jit.Optimized)]
        private PlanRow? Unsynced(PlanEntry entry)
        {
            var match = entry.Match;
            var lms = match.User;
            var ours = lms != null && match.IsLinked;
            if (lms != null && lms.IsAdmin)
                return Rows.Skip(entry, $"matches LMS administrator {lms.LmsId}; administrators are never changed by the integration");

            if (!entry.Source.IsActive)
            {
                if (ours && lms!.Active)
                    return _options.DeactivateMissingUsers
                        ? Rows.Deactivate(entry, DeactivationReason.Inactive, "inactive in Salesforce")
                        : Rows.Skip(entry, "inactive in Salesforce; the LMS user stays active because DeactivateMissingUsers is off");
                return ours ? Rows.NoChange(entry, "inactive in Salesforce; already deactivated in the LMS") : Rows.Skip(entry, "inactive in Salesforce");
            }

            var terminated = _termination.DueDate(entry.Source);
            if (terminated != null)
            {
                var when = $"terminated on {terminated.Value:yyyy-MM-dd}";
                if (ours && lms!.Active) return Rows.Deactivate(entry, DeactivationReason.Terminated, when + " (login disabled, records kept)");
                return ours ? Rows.NoChange(entry, when + "; already deactivated in the LMS") : Rows.Skip(entry, when);
            }

            var outOfScope = entry.Verdict.IsSkip ? entry.Verdict.Reason : entry.ScopeReason;
            if (outOfScope != null)
            {
                if (ours && lms!.Active && _options.DeactivateOutOfScope)
                    return Rows.Deactivate(entry, DeactivationReason.OutOfScope, outOfScope);
                return Rows.Skip(entry, outOfScope);
            }
            return null;
        }

        [MethodImpl(Jit.Optimized)]
        private PlanRow? Blocked(PlanEntry entry)
        {
            var match = entry.Match;
            if (match.IsDisputed) return Rows.Disputed(entry, match.Dispute!, Describe(match.Candidates));
            if (entry.ClaimDispute != null) return Rows.Disputed(entry, entry.ClaimDispute, entry.ClaimCandidates!);

            var lms = match.User;
            var creating = lms == null;
            var problem = ResolveDepartment(entry, creating) ?? ResolveGroups(entry, creating);
            if (problem != null) return Rows.Skip(entry, problem);

            if (lms != null && !lms.Active && !_options.ReactivateReturningUsers)
                return Rows.Skip(entry, "deactivated in the LMS; it stays so because ReactivateReturningUsers is off");
            return null;
        }

        /// <summary>
        /// Last pass, after identity collisions (so a user who shares an email is still disputed, not skipped):
        /// a user to be created whose field the LMS requires would be blank is skipped with the reason — the LMS
        /// would refuse the create on every run. Existing users keep their value: a blank never clears a field.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public void SkipCreateWithBlankMandatoryField(PlanEntry entry)
        {
            if (!entry.Syncs || entry.LmsUser != null) return;
            var problem = BlankMandatoryField(entry);
            if (problem == null) return;
            entry.Syncs = false;
            entry.Row = Rows.Skip(entry, problem);
        }

        private string? BlankMandatoryField(PlanEntry entry)
        {
            foreach (var name in _mandatoryFields)
            {
                if (entry.Desired.Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.Value)) continue;
                var mapping = _mapping.Find(name);
                return mapping == null
                    ? $"{name} is not mapped, and the LMS requires it to create a user"
                    : $"no {name}: {Sources(mapping)} blank in Salesforce, and the LMS requires it to create a user";
            }
            return null;
        }

        /// <summary>Sets the department target; returns why the user cannot be synced, or null.</summary>
        [MethodImpl(Jit.Optimized)]
        private string? ResolveDepartment(PlanEntry entry, bool creating)
        {
            if (!_capabilities.SupportsDepartments) return null;
            var mapped = entry.Desired.Department;
            if (mapped == null || mapped.Value == null)
            {
                if (!_capabilities.RequiresDepartment) return null;
                return _mapping.Department == null
                    ? "no department mapping, and the LMS puts every user in exactly one department"
                    : $"no department: {Sources(_mapping.Department)} blank in Salesforce, and the LMS puts every user in exactly one department";
            }
            if (!creating && !mapped.AppliesOnUpdate) return null;
            var target = _org.ResolveDepartment(mapped.Value, out var ambiguity);
            if (target == null) return ambiguity;
            entry.Department = target;
            return null;
        }

        /// <summary>Sets the group targets; returns why the user cannot be synced, or null.</summary>
        [MethodImpl(Jit.Optimized)]
        private string? ResolveGroups(PlanEntry entry, bool creating)
        {
            var mapped = entry.Desired.Groups;
            if (!_capabilities.SupportsGroups || mapped == null) return null;
            if (!Mapper.IsShared(mapped)) return Apply(entry, ResolveGroups(mapped, creating));
            // Users with the same group text share one mapped list; they share its resolution too (read-only).
            var cache = creating ? _groupsOnCreate : _groupsOnUpdate;
            if (!cache.TryGetValue(mapped, out var resolution)) cache[mapped] = resolution = ResolveGroups(mapped, creating);
            return Apply(entry, resolution);
        }

        private static string? Apply(PlanEntry entry, GroupResolution resolution)
        {
            if (resolution.Targets != null) entry.Groups = resolution.Targets;
            return resolution.Problem;
        }

        private readonly Dictionary<IReadOnlyList<MappedValue>, GroupResolution> _groupsOnCreate = new Dictionary<IReadOnlyList<MappedValue>, GroupResolution>();
        private readonly Dictionary<IReadOnlyList<MappedValue>, GroupResolution> _groupsOnUpdate = new Dictionary<IReadOnlyList<MappedValue>, GroupResolution>();

        private GroupResolution ResolveGroups(IReadOnlyList<MappedValue> mapped, bool creating)
        {
            var targets = new List<OrgTarget>(mapped.Count);
            for (var i = 0; i < mapped.Count; i++)
            {
                var group = mapped[i];
                if (group.Value == null || !_scope.IncludesGroup(group.Value)) continue;
                if (!creating && !group.AppliesOnUpdate) return GroupResolution.LeftAlone;
                var target = _org.ResolveGroup(group.Value, out var ambiguity);
                if (target == null) return new GroupResolution(null, ambiguity);
                targets.Add(target.Value);
            }
            return new GroupResolution(targets, null);
        }

        /// <summary>The groups a user should be in (null: left alone), or why the user cannot be synced.</summary>
        private sealed class GroupResolution
        {
            public static readonly GroupResolution LeftAlone = new GroupResolution(null, null);

            public GroupResolution(List<OrgTarget>? targets, string? problem)
            {
                Targets = targets;
                Problem = problem;
            }

            public List<OrgTarget>? Targets { get; }
            public string? Problem { get; }
        }

        private static string Sources(ValueMapping mapping) =>
            mapping.Sources.Count == 0 ? "no Salesforce field is mapped and the default is" : string.Join(", ", mapping.Sources) + (mapping.Sources.Count == 1 ? " is" : " are");

        private static IReadOnlyList<string> Describe(IReadOnlyList<LmsUser> users)
        {
            var names = new List<string>(users.Count);
            foreach (var user in users) names.Add($"LMS {Matcher.Name(new[] { user })}");
            return names;
        }
    }
}
