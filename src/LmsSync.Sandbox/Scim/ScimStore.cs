using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.Scim;

/// <summary>One stored resource: the client's attributes (canonical names), plus what the service keeps itself.</summary>
internal sealed class ScimStored(string id, long sequence, JsonObject data, DateTimeOffset created)
{
    public string Id { get; } = id;
    public long Sequence { get; } = sequence;
    public JsonObject Data { get; set; } = data;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset LastModified { get; set; } = created;
    public int Version { get; set; } = 1;

    /// <summary>This user as the last list page showed it (see <see cref="ScimRendering"/>); null until listed.</summary>
    public ScimRendering? Listed { get; set; }

    /// <summary>The weak ETag of this version (RFC 7644 §3.14 allows weak ones).</summary>
    public string ETag => $"W/\"{Version}\"";
}

/// <summary>A welcome email the emulator "sent", for tests to assert.</summary>
public sealed record ScimWelcomeEmail(string UserId, string UserName, string To, DateTimeOffset SentAt);

/// <summary>Users and groups in memory, in creation order (so paging is stable), plus the welcome-email record.</summary>
internal sealed class ScimStore
{
    private readonly Dictionary<string, ScimStored> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScimStored> _groups = new(StringComparer.Ordinal);
    private long _sequence;
    // Each type's resources in creation order, kept as they are added and removed (reads only look at them, so any
    // number of reads may run at once; a cache filled by the first read after a write would be written under a read).
    private readonly List<ScimStored> _orderedUsers = new(), _orderedGroups = new();
    private static readonly Comparer<ScimStored> BySequence = Comparer<ScimStored>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    public List<ScimWelcomeEmail> WelcomeEmails { get; } = new();

    /// <summary>Goes up whenever a group is added, changed or removed: a user's rendering shows the groups it is in.</summary>
    public long GroupsVersion { get; private set; }

    public IReadOnlyDictionary<string, ScimStored> Of(ScimResourceType type) => All(type);

    /// <summary>The resources in creation order (so paging is stable): a list answer slices it instead of sorting 100,000 users a page.</summary>
    public IReadOnlyList<ScimStored> Ordered(ScimResourceType type) => OrderedList(type);

    public ScimStored Add(ScimResourceType type, JsonObject data, DateTimeOffset now, string? id = null)
    {
        var stored = new ScimStored(id ?? Guid.NewGuid().ToString(), ++_sequence, data, now);
        All(type).Add(stored.Id, stored);
        // Sequences only grow, so the newest goes last.
        OrderedList(type).Add(stored);
        GroupsChanged(type);
        return stored;
    }

    public void Remove(ScimResourceType type, string id)
    {
        if (!All(type).Remove(id, out var stored)) return;
        var ordered = OrderedList(type);
        ordered.RemoveAt(ordered.BinarySearch(stored, BySequence));
        GroupsChanged(type);
    }

    /// <summary>A resource's new data: a new version, modified now. Every change of a stored resource comes through here.</summary>
    public void Replace(ScimResourceType type, ScimStored stored, JsonObject data, DateTimeOffset now)
    {
        stored.Data = data;
        stored.Version++;
        stored.LastModified = now;
        GroupsChanged(type);
    }

    public void Clear()
    {
        _users.Clear();
        _groups.Clear();
        _orderedUsers.Clear();
        _orderedGroups.Clear();
        WelcomeEmails.Clear();
    }

    /// <summary>
    /// The seeded state: an admin, a few people added by hand in the LMS (no externalId: the sync must
    /// leave them alone), and two groups. Fixed ids so tests and demos can name them.
    /// </summary>
    public void Seed(DateTimeOffset now)
    {
        AddUser("a0000000-0000-4000-8000-000000000001", "admin@lms.example", "Lena", "Admin", "LMS administrator", "IT", now);
        AddUser("a0000000-0000-4000-8000-000000000002", "maria.garcia@lms.example", "Maria", "Garcia", "Trainer", "Learning & Development", now);
        AddUser("a0000000-0000-4000-8000-000000000003", "tom.becker@lms.example", "Tom", "Becker", "Contractor", null, now);
        AddUser("a0000000-0000-4000-8000-000000000004", "yuki.tanaka@lms.example", "Yuki", "Tanaka", "Course author", "Learning & Development", now, active: false);
        AddGroup("c0000000-0000-4000-8000-000000000001", "LMS Administrators", now, "a0000000-0000-4000-8000-000000000001");
        AddGroup("c0000000-0000-4000-8000-000000000002", "Trainers", now, "a0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000004");
    }

    /// <summary>Adds <paramref name="count"/> generated users (<c>seed.user0001@lms.example</c>…) for paging and load tests.</summary>
    public void SeedUsers(int count, string prefix, DateTimeOffset now)
    {
        var start = _users.Count;
        for (var i = 1; i <= count; i++)
        {
            var n = (start + i).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            AddUser(null, $"{prefix}{n}@lms.example", "Seed", "User " + n, null, null, now);
        }
    }

    private void GroupsChanged(ScimResourceType type)
    {
        if (ReferenceEquals(type, ScimSchemas.GroupType)) GroupsVersion++;
    }

    private Dictionary<string, ScimStored> All(ScimResourceType type) => ReferenceEquals(type, ScimSchemas.UserType) ? _users : _groups;

    private List<ScimStored> OrderedList(ScimResourceType type) => ReferenceEquals(type, ScimSchemas.UserType) ? _orderedUsers : _orderedGroups;

    private void AddUser(string? id, string userName, string given, string family, string? title, string? department, DateTimeOffset now, bool active = true)
    {
        var data = new JsonObject
        {
            ["schemas"] = new JsonArray(JsonValue.Create(ScimSchemas.UserUri)),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = given, ["familyName"] = family },
            ["displayName"] = given + " " + family,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = userName, ["type"] = "work", ["primary"] = true }),
            ["active"] = active,
        };
        if (title is not null) data["title"] = title;
        if (department is not null)
        {
            data[ScimSchemas.EnterpriseUri] = new JsonObject { ["department"] = department };
            ((JsonArray)data["schemas"]!).Add(ScimSchemas.EnterpriseUri);
        }
        Add(ScimSchemas.UserType, data, now, id);
    }

    private void AddGroup(string id, string displayName, DateTimeOffset now, params string[] members)
    {
        var data = new JsonObject
        {
            ["schemas"] = new JsonArray(JsonValue.Create(ScimSchemas.GroupUri)),
            ["displayName"] = displayName,
            ["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject { ["value"] = m, ["type"] = "User" }).ToArray()),
        };
        Add(ScimSchemas.GroupType, data, now, id);
    }
}
