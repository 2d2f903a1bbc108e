using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.ISpring;

/// <summary>A create request, already parsed from the wire.</summary>
public sealed class ISpringNewUserInput
{
    public string? DepartmentId { get; init; }
    public Dictionary<string, string?>? Fields { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
    public bool? SendLoginEmail { get; init; }
    public string? InvitationMessage { get; init; }
}

/// <summary>An update request, already parsed from the wire; null members are left alone.</summary>
public sealed class ISpringUpdateUserInput
{
    public string? DepartmentId { get; init; }
    public Dictionary<string, string?>? Fields { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
}

/// <summary>The list filters of <c>/users/v2</c> and <c>/user</c>: AND across kinds, OR within one.</summary>
public sealed class ISpringUserFilter
{
    public IReadOnlyList<string> Departments { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Groups { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Logins { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Emails { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> UserIds { get; init; } = Array.Empty<string>();
    /// <summary><c>POST /user/list</c> profileFields: field name → accepted values.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ProfileFields { get; init; } = Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>();
}

/// <summary>A user as read: the record plus its group ids.</summary>
public sealed record ISpringUserView(ISpringUserRecord User, IReadOnlyList<string> GroupIds);

public sealed partial class ISpringStore
{
    private static readonly string[] Roles = { "learner", "administrator", "department_administrator", "publisher", "custom" };

    /// <summary>
    /// Users with <see cref="ISpringUserRecord.Sequence"/> after <paramref name="after"/>, up to <paramref name="take"/>;
    /// <paramref name="more"/> says whether any remain. Starts at the cursor (binary search), so a page costs its own
    /// size, not the users before it.
    /// </summary>
    public IReadOnlyList<ISpringUserView> ListUsers(ISpringUserFilter filter, long after, int take, out bool more) =>
        ListPage(filter, after, take, (u, groups) => new ISpringUserView(Clone(u), groups.TryGetValue(u.UserId, out var ids) ? ids : new List<string>()), out more);

    /// <summary>
    /// A page of <see cref="ListUsers"/> under the read lock, each user made by <paramref name="make"/> from the stored
    /// record and the group ids of every user.
    /// </summary>
    private List<T> ListPage<T>(ISpringUserFilter filter, long after, int take, Func<ISpringUserRecord, Dictionary<string, List<string>>, T> make, out bool more)
    {
        using (Reading())
        {
            var page = Matching(filter, after).Take(take + 1).ToList();
            more = page.Count > take;
            // One pass over the memberships per page, not one per user: a 1,000-user page of a 100,000-user account
            // took 10 s when each user scanned every group's member list.
            var groups = GroupsByUser();
            var made = page.Take(take).Select(u => make(u, groups)).ToList();
            WhileListing?.Invoke();
            return made;
        }
    }

    public ISpringUserView GetUser(string userId)
    {
        using (Reading()) return View(RequireUser(userId));
    }

    public (string UserId, ISpringSentEmail? Email) CreateUser(ISpringNewUserInput input, bool sendLoginEmailDefault)
    {
        using (Writing())
        {
            if (string.IsNullOrWhiteSpace(input.DepartmentId)) throw BadRequest("departmentId is required.");
            if (FindDepartment(input.DepartmentId) is null) throw BadRequest($"Department '{input.DepartmentId}' does not exist.");
            if (input.Fields is null) throw BadRequest("fields is required.");
            var fields = NormaliseFields(input.Fields);
            if (!fields.TryGetValue("login", out var login) || string.IsNullOrWhiteSpace(login)) throw BadRequest("fields.login is required.");
            CheckUnique(fields, exceptUserId: null);
            var role = CheckRole(input.Role) ?? "learner";
            var groups = CheckGroups(input.GroupIds);
            var send = input.SendLoginEmail ?? sendLoginEmailDefault;
            if (send && string.IsNullOrWhiteSpace(input.InvitationMessage))
                throw BadRequest("invitationMessage is required when sendLoginEmail is true.");
            fields.TryGetValue("email", out var email);
            if (send && string.IsNullOrWhiteSpace(email)) throw BadRequest("A login email needs the user's email field.");

            var user = new ISpringUserRecord { UserId = NewId(), Sequence = ++_sequence, DepartmentId = FindDepartment(input.DepartmentId)!.DepartmentId, Role = role, AddedDate = _clock.UtcNow };
            foreach (var f in fields) if (!string.IsNullOrEmpty(f.Value)) user.Fields[f.Key] = f.Value!;
            _users.Add(user);
            _usersById[user.UserId] = user;
            IndexUnique(user);
            foreach (var g in groups) if (!g.UserIds.Contains(user.UserId)) g.UserIds.Add(user.UserId);
            MembershipChanged();

            ISpringSentEmail? sent = null;
            if (send)
            {
                sent = new ISpringSentEmail(user.UserId, login!, email!, input.InvitationMessage!, _clock.UtcNow);
                _emails.Add(sent);
            }
            return (user.UserId, sent);
        }
    }

    public void UpdateUser(string userId, ISpringUpdateUserInput input, ISpringGroupIdsOnUpdate groupMode)
    {
        using (Writing())
        {
            var user = RequireUser(userId);
            ISpringDepartmentRecord? department = null;
            if (input.DepartmentId is not null && (department = FindDepartment(input.DepartmentId)) is null)
                throw BadRequest($"Department '{input.DepartmentId}' does not exist.");
            Dictionary<string, string?>? fields = null;
            if (input.Fields is not null)
            {
                fields = NormaliseFields(input.Fields);
                if (fields.TryGetValue("login", out var login) && string.IsNullOrWhiteSpace(login)) throw BadRequest("fields.login cannot be empty.");
                CheckUnique(fields, exceptUserId: user.UserId);
            }
            var role = CheckRole(input.Role);
            var groups = input.GroupIds is null ? null : CheckGroups(input.GroupIds);

            if (department is not null) user.DepartmentId = department.DepartmentId;
            if (role is not null) user.Role = role;
            if (fields is not null)
            {
                UnindexUnique(user);
                foreach (var f in fields)
                {
                    if (string.IsNullOrEmpty(f.Value)) user.Fields.Remove(f.Key);
                    else user.Fields[f.Key] = f.Value;
                }
                IndexUnique(user);
            }
            if (groups is not null)
            {
                if (groupMode == ISpringGroupIdsOnUpdate.Replace)
                    foreach (var g in _groups.Where(g => !g.IsSmart && !groups.Contains(g))) g.UserIds.RemoveAll(id => id == user.UserId);
                foreach (var g in groups) if (!g.UserIds.Contains(user.UserId)) g.UserIds.Add(user.UserId);
                MembershipChanged();
            }
        }
    }

    public void DeleteUser(string userId)
    {
        using (Writing())
        {
            var user = RequireUser(userId);
            _users.Remove(user);
            _usersById.Remove(user.UserId);
            UnindexUnique(user);
            foreach (var g in _groups) g.UserIds.Remove(user.UserId);
            MembershipChanged();
        }
    }

    /// <summary>Sets the status of every listed user, or of none when one id is unknown.</summary>
    public void SetStatus(IReadOnlyList<string> userIds, int status)
    {
        if (status is not (1 or 3 or 5)) throw BadRequest($"status must be 1 (active), 3 (inactive) or 5 (terminated), not {status}.");
        using (Writing())
        {
            var users = RequireUsers(userIds);
            foreach (var u in users) u.Status = status;
        }
    }

    public void RemoveUserFromGroups(string userId, IReadOnlyList<string> groupIds)
    {
        using (Writing())
        {
            var user = RequireUser(userId);
            var groups = groupIds.Select(id => FindGroup(id) ?? throw NotFound("Group " + id)).ToList();
            if (groups.FirstOrDefault(g => g.IsSmart) is { } smart) throw BadRequest($"Group '{smart.Name}' is a smart group; its members follow its rules.");
            foreach (var g in groups) g.UserIds.Remove(user.UserId);
            MembershipChanged();
        }
    }

    /// <summary>Users past the cursor, in order. <see cref="_users"/> is in ascending Sequence: users are only ever appended with the next number.</summary>
    private IEnumerable<ISpringUserRecord> UsersAfter(long after)
    {
        int low = 0, high = _users.Count;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (_users[mid].Sequence > after) high = mid;
            else low = mid + 1;
        }
        for (var i = low; i < _users.Count; i++) yield return _users[i];
    }

    private ISpringUserView View(ISpringUserRecord u) => new(Clone(u), GroupsOf(u.UserId));

    private ISpringUserRecord RequireUser(string userId) =>
        _usersById.TryGetValue(userId, out var user) ? user : throw NotFound("User " + userId);

    private List<ISpringUserRecord> RequireUsers(IReadOnlyList<string> userIds)
    {
        if (userIds.Count == 0) throw BadRequest("userIds must list at least one user.");
        var unknown = userIds.Where(id => !_usersById.ContainsKey(id)).ToList();
        if (unknown.Count > 0) throw NotFound("User " + string.Join(", ", unknown));
        return userIds.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => _usersById[id]).ToList();
    }

    /// <summary>Field names to their catalogue spelling; an unknown name is a 400 (catches a client's typo).</summary>
    private static Dictionary<string, string?> NormaliseFields(Dictionary<string, string?> fields)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in fields)
        {
            var known = FindField(f.Key) ?? throw BadRequest($"Unknown profile field '{f.Key}'. GET /user/profile/fields lists the account's fields.");
            var value = f.Value?.Trim();
            if (known.Name == "email" && !string.IsNullOrEmpty(value) && !value.Contains('@')) throw BadRequest($"Invalid value '{value}'. Field email must be an email address.");
            result[known.Name] = value;
        }
        return result;
    }

    private void CheckUnique(Dictionary<string, string?> fields, string? exceptUserId)
    {
        foreach (var name in UniqueFields)
        {
            if (!fields.TryGetValue(name, out var value) || string.IsNullOrEmpty(value)) continue;
            if (UniqueTaken(name, value, exceptUserId)) throw new ISpringApiError(409, $"User with the same {name} is already registered.");
        }
    }

    private static string? CheckRole(string? role)
    {
        if (role is null) return null;
        if (!Roles.Contains(role)) throw BadRequest($"Invalid role '{role}'. Use one of: {string.Join(", ", Roles)}.");
        if (role == "custom") throw BadRequest("roleId is required when role is custom.");
        return role;
    }

    private List<ISpringGroupRecord> CheckGroups(IReadOnlyList<string>? groupIds)
    {
        var groups = new List<ISpringGroupRecord>();
        foreach (var id in groupIds ?? Array.Empty<string>())
        {
            var group = FindGroup(id) ?? throw BadRequest($"Group '{id}' does not exist.");
            if (group.IsSmart) throw BadRequest($"Group '{group.Name}' is a smart group; its members follow its rules.");
            if (!groups.Contains(group)) groups.Add(group);
        }
        return groups;
    }
}
