using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// The list filters, applied as a real account would: a filter by user ids, emails or logins starts from those users
/// (the id and unique-field indexes), not from a scan of every user comparing each with every value. A lookup of a
/// hundred users in a 100,000-user account took 0.1 s of the lock per request that way; the answer is the same.
/// </summary>
public sealed partial class ISpringStore
{
    /// <summary>The users <paramref name="filter"/> selects past the cursor, in Sequence order.</summary>
    private IEnumerable<ISpringUserRecord> Matching(ISpringUserFilter filter, long after)
    {
        var test = new FilterTest(filter, this);
        var indexed = Indexed(filter);
        var candidates = indexed == null ? UsersAfter(after) : indexed.Where(u => u.Sequence > after).OrderBy(u => u.Sequence);
        return candidates.Where(test.Matches);
    }

    /// <summary>
    /// The users an id, email or login filter could select (a superset; the test still applies), or null when the
    /// filter has none of them or names a blank value (which matches users without one: only a scan finds those).
    /// </summary>
    private List<ISpringUserRecord>? Indexed(ISpringUserFilter filter)
    {
        if (filter.UserIds.Count > 0 && filter.UserIds.All(v => !string.IsNullOrEmpty(v)))
            return filter.UserIds.Select(id => _usersById.TryGetValue(id, out var user) ? user : null).OfType<ISpringUserRecord>().Distinct().ToList();
        foreach (var (field, values) in new[] { ("email", filter.Emails), ("login", filter.Logins) })
        {
            if (values.Count == 0 || values.Any(string.IsNullOrEmpty)) continue;
            return values.SelectMany(v => _byUniqueField.TryGetValue(UniqueKey(field, v), out var holders) ? holders : new List<ISpringUserRecord>())
                .Distinct().ToList();
        }
        return null;
    }

    /// <summary>AND across kinds, OR within one, case-insensitive; each kind's values in a set, so a user costs a lookup per kind.</summary>
    private sealed class FilterTest
    {
        private readonly HashSet<string>? _departments;
        private readonly HashSet<string>? _logins;
        private readonly HashSet<string>? _emails;
        private readonly HashSet<string>? _userIds;
        private readonly HashSet<string>? _groupMembers;
        private readonly List<(string Field, HashSet<string> Values)> _profileFields;

        public FilterTest(ISpringUserFilter filter, ISpringStore store)
        {
            _departments = Set(filter.Departments);
            _logins = Set(filter.Logins);
            _emails = Set(filter.Emails);
            _userIds = Set(filter.UserIds);
            if (filter.Groups.Count > 0)
                _groupMembers = new HashSet<string>(filter.Groups.SelectMany(g => store.FindGroup(g)?.UserIds ?? new List<string>()), StringComparer.Ordinal);
            _profileFields = filter.ProfileFields.Select(f => (f.Key, new HashSet<string>(f.Value, StringComparer.OrdinalIgnoreCase))).ToList();
        }

        public bool Matches(ISpringUserRecord u)
        {
            // A kind not asked for costs nothing: Login and Email are lookups in the user's fields, and a page filtered
            // by department tests every user from the cursor on until the page is full.
            if ((_departments != null && !_departments.Contains(u.DepartmentId)) || (_logins != null && !_logins.Contains(u.Login)) ||
                (_emails != null && !_emails.Contains(u.Email)) || (_userIds != null && !_userIds.Contains(u.UserId))) return false;
            if (_groupMembers != null && !_groupMembers.Contains(u.UserId)) return false;
            foreach (var (field, values) in _profileFields)
                if (!values.Contains(u.Fields.TryGetValue(field, out var v) ? v : "")) return false;
            return true;
        }

        private static HashSet<string>? Set(IReadOnlyList<string> values) =>
            values.Count == 0 ? null : new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
    }
}
