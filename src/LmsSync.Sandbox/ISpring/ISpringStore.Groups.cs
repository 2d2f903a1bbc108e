using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.ISpring;

public sealed partial class ISpringStore
{
    public IReadOnlyList<ISpringGroupRecord> ListGroups()
    {
        using (Reading()) return _groups.Select(Clone).ToList();
    }

    public ISpringGroupRecord GetGroup(string id)
    {
        using (Reading()) return Clone(RequireGroup(id));
    }

    public string CreateGroup(string? name, IReadOnlyList<string>? userIds, bool rejectDuplicateNames)
    {
        using (Writing())
        {
            if (string.IsNullOrWhiteSpace(name)) throw BadRequest("name is required.");
            CheckGroupName(name.Trim(), null, rejectDuplicateNames);
            var members = CheckMembers(userIds ?? Array.Empty<string>());
            var group = new ISpringGroupRecord { GroupId = NewId(), Name = name.Trim() };
            group.UserIds.AddRange(members);
            _groups.Add(group);
            MembershipChanged();
            return group.GroupId;
        }
    }

    public void RenameGroup(string id, string? name, bool rejectDuplicateNames)
    {
        using (Writing())
        {
            var group = RequireGroup(id);
            if (string.IsNullOrWhiteSpace(name)) throw BadRequest("name is required.");
            CheckGroupName(name.Trim(), group.GroupId, rejectDuplicateNames);
            group.Name = name.Trim();
        }
    }

    public void DeleteGroup(string id)
    {
        using (Writing())
        {
            _groups.Remove(RequireGroup(id));
            MembershipChanged();
        }
    }

    /// <summary><c>POST /group/{id}/members</c>: the list completely replaces the members; an empty list empties the group.</summary>
    public void ReplaceMembers(string id, IReadOnlyList<string> userIds)
    {
        using (Writing())
        {
            var group = RequireGroup(id);
            if (group.IsSmart) throw BadRequest($"Group '{group.Name}' is a smart group; its members follow its rules.");
            var members = CheckMembers(userIds);
            group.UserIds.Clear();
            group.UserIds.AddRange(members);
            MembershipChanged();
        }
    }

    private ISpringGroupRecord? FindGroup(string id) =>
        _groups.FirstOrDefault(g => string.Equals(g.GroupId, id, StringComparison.OrdinalIgnoreCase));

    private ISpringGroupRecord RequireGroup(string id) => FindGroup(id) ?? throw NotFound("Group " + id);

    private List<string> CheckMembers(IReadOnlyList<string> userIds)
    {
        var unknown = userIds.Where(id => !_usersById.ContainsKey(id)).ToList();
        if (unknown.Count > 0) throw BadRequest("Unknown user ids: " + string.Join(", ", unknown) + ".");
        return userIds.Select(id => _usersById[id].UserId).Distinct().ToList();
    }

    private void CheckGroupName(string name, string? exceptId, bool rejectDuplicateNames)
    {
        if (rejectDuplicateNames && _groups.Any(g => g.GroupId != exceptId && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ISpringApiError(409, $"A group named '{name}' already exists.");
    }
}
