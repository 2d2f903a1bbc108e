using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// The emulated account: a department tree with a root, users keyed by uuid with unique login and email,
/// groups (plain and smart), the profile-field catalogue, and the welcome emails "sent". Reads share the store and
/// writes have it alone (<see cref="Reading"/>, <see cref="Writing"/>); every method validates first and changes nothing when it throws <see cref="ISpringApiError"/>.
/// </summary>
public sealed partial class ISpringStore
{
    public const string SalesforceIdFieldName = "USER_DEFINED_FIELD1";

    private readonly SandboxClock _clock;
    private readonly List<ISpringUserRecord> _users = new();
    private readonly Dictionary<string, ISpringUserRecord> _usersById = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ISpringDepartmentRecord> _departments = new();
    private readonly List<ISpringGroupRecord> _groups = new();
    private readonly List<ISpringSentEmail> _emails = new();
    private long _sequence;
    /// <summary>User id → group ids, built on the first listing after a membership change (see <see cref="GroupsByUser"/>).</summary>
    private Dictionary<string, List<string>>? _groupsByUser;

    public ISpringStore(SandboxClock clock)
    {
        _clock = clock;
        Reset(seed: true);
    }

    /// <summary>The account's profile-field catalogue, including the custom "Salesforce Id" field.</summary>
    public static IReadOnlyList<ISpringProfileField> ProfileFields { get; } = new[]
    {
        new ISpringProfileField("login", "Login", "login", true, true, 1),
        new ISpringProfileField("email", "Email", "email", true, false, 2),
        new ISpringProfileField("first_name", "First Name", "first_name", false, false, 3),
        new ISpringProfileField("last_name", "Last Name", "last_name", false, false, 4),
        new ISpringProfileField("job_title", "Job Title", "job_title", false, false, 5),
        new ISpringProfileField("phone", "Phone", "phone", false, false, 6),
        new ISpringProfileField("country", "Country", "country", false, false, 7),
        new ISpringProfileField(SalesforceIdFieldName, "Salesforce Id", "string", false, false, 8),
        new ISpringProfileField("USER_DEFINED_FIELD2", "Region", "string", false, false, 9),
    };

    public static ISpringProfileField? FindField(string name) =>
        ProfileFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public string RootDepartmentId
    {
        get { using (Reading()) return _departments[0].DepartmentId; }
    }

    public IReadOnlyList<ISpringSentEmail> SentEmails
    {
        get { using (Reading()) return _emails.ToList(); }
    }

    public void ClearSentEmails()
    {
        using (Writing()) _emails.Clear();
    }

    /// <summary>A consistent copy of everything, for the admin dump and test assertions.</summary>
    public (IReadOnlyList<ISpringDepartmentRecord> Departments, IReadOnlyList<ISpringUserRecord> Users, IReadOnlyList<ISpringGroupRecord> Groups) Snapshot()
    {
        using (Reading())
        {
            return (_departments.Select(Clone).ToList(), _users.Select(Clone).ToList(), _groups.Select(Clone).ToList());
        }
    }

    public ISpringUserRecord? UserByLogin(string login)
    {
        using (Reading()) return _users.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.OrdinalIgnoreCase)) is { } u ? Clone(u) : null;
    }

    public ISpringGroupRecord? GroupByName(string name)
    {
        using (Reading()) return _groups.FirstOrDefault(g => g.Name == name) is { } g ? Clone(g) : null;
    }

    public ISpringDepartmentRecord? DepartmentByName(string name)
    {
        using (Reading()) return _departments.FirstOrDefault(d => d.Name == name) is { } d ? Clone(d) : null;
    }

    private static ISpringUserRecord Clone(ISpringUserRecord u)
    {
        var copy = new ISpringUserRecord
        {
            UserId = u.UserId, Sequence = u.Sequence, DepartmentId = u.DepartmentId, Status = u.Status, Role = u.Role,
            AddedDate = u.AddedDate, LastLoginDate = u.LastLoginDate,
        };
        foreach (var f in u.Fields) copy.Fields[f.Key] = f.Value;
        return copy;
    }

    private static ISpringDepartmentRecord Clone(ISpringDepartmentRecord d) =>
        new() { DepartmentId = d.DepartmentId, Name = d.Name, ParentDepartmentId = d.ParentDepartmentId, Code = d.Code };

    private static ISpringGroupRecord Clone(ISpringGroupRecord g)
    {
        var copy = new ISpringGroupRecord { GroupId = g.GroupId, Name = g.Name, IsSmart = g.IsSmart };
        copy.UserIds.AddRange(g.UserIds);
        return copy;
    }

    /// <summary>
    /// User id → ids of the groups listing it, in group order (what <see cref="GroupsOf"/> answers for each user).
    /// Kept between listings: rebuilding it for every page made each 1,000-user page of a 100,000-user account pay
    /// for every membership. Every change of a group's members or of the group list calls <see cref="MembershipChanged"/>
    /// (under the write lock). Readers may build it at the same time: each builds the same table from the same state
    /// and the first one published is kept; the lists in it are never changed afterwards.
    /// </summary>
    private Dictionary<string, List<string>> GroupsByUser()
    {
        if (Volatile.Read(ref _groupsByUser) is { } built) return built;
        var fresh = BuildGroupsByUser();
        return Interlocked.CompareExchange(ref _groupsByUser, fresh, null) ?? fresh;
    }

    private void MembershipChanged() => _groupsByUser = null;

    private Dictionary<string, List<string>> BuildGroupsByUser()
    {
        var byUser = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in _groups)
        {
            foreach (var userId in group.UserIds)
            {
                if (!byUser.TryGetValue(userId, out var ids)) byUser[userId] = ids = new List<string>();
                if (ids.Count == 0 || ids[^1] != group.GroupId) ids.Add(group.GroupId);
            }
        }
        return byUser;
    }

    private IReadOnlyList<string> GroupsOf(string userId) =>
        _groups.Where(g => g.UserIds.Contains(userId, StringComparer.OrdinalIgnoreCase)).Select(g => g.GroupId).ToList();

    private static string NewId() => Guid.NewGuid().ToString();

    private static ISpringApiError NotFound(string what) => new(404, what + " not found.");

    private static ISpringApiError BadRequest(string message) => new(400, message);
}
