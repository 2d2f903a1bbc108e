using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Sandbox.Scim;

/// <summary>A page of a list: the resources of this page as the client sees them (UTF-8 JSON, projected), and how many match in all.</summary>
internal sealed record ScimPage(IReadOnlyList<byte[]> Resources, int TotalResults, int StartIndex);

/// <summary>
/// The SCIM service provider's behaviour, independent of HTTP (the routes and /Bulk both use it): list with
/// filter/sort/paging, create with uniqueness, replace, patch, delete, optimistic locking, welcome emails.
/// Reads (lists, a resource by id, the token check, the switches) run at once, as a real service serves concurrent
/// GETs; each write (one request, or one operation of a /Bulk) runs alone, so no read sees it half done. Nothing a
/// read touches is filled lazily (the store's order and the key index are kept by the writes), but for a user's
/// list rendering (<see cref="ScimStored.Listed"/>: an immutable object swapped whole, keyed by all it is made of), and
/// the stored JSON trees are only read by reads (System.Text.Json nodes read safely from several threads since .NET 8).
/// </summary>
internal sealed class ScimService
{
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly SandboxContext _context;
    private readonly ScimStore _store = new();
    private readonly ScimKeyIndex _keys;
    private ScimBehaviour _behaviour = new();

    public ScimService(SandboxContext context)
    {
        _context = context;
        _keys = new ScimKeyIndex(_store);
        IssueToken();
        _store.Seed(context.Clock.UtcNow);
        _keys.Rebuild();
    }

    public string Token { get; private set; } = "";
    public DateTimeOffset TokenIssuedAt { get; private set; }

    /// <summary>
    /// Tests only: called with the operation's name (<c>List</c>, <c>Get</c>, <c>Delete</c>…) inside the lock, once
    /// the operation's work is done, so a test can hold one operation there and watch what the others do meanwhile.
    /// </summary>
    internal Action<string>? Holding { get; set; }

    /// <summary>Tests only: how many reads wait for the lock (behind a write).</summary>
    internal int ReadsWaiting => _gate.WaitingReadCount;

    public ScimBehaviour Behaviour
    {
        get => Reading(() => _behaviour.Copy());
        set => Writing(() => _behaviour = value.Copy());
    }

    /// <summary>A fresh random token, valid from now (emulator clock).</summary>
    public string IssueToken() => Writing(() =>
    {
        Token = "scim-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        TokenIssuedAt = _context.Clock.UtcNow;
        return Token;
    });

    /// <summary>Null when the bearer token is good; otherwise why not.</summary>
    public string? CheckToken(string? presented) => Reading(() =>
    {
        if (string.IsNullOrEmpty(presented)) return "Send the token as Authorization: Bearer <token>.";
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Token)))
            return "The bearer token is not valid.";
        if (_behaviour.TokenLifetimeSeconds is { } lifetime && _context.Clock.UtcNow >= TokenIssuedAt.AddSeconds(lifetime))
            return "The bearer token has expired.";
        return null;
    });

    public void Reset() => Writing(() =>
    {
        _store.Clear();
        _behaviour = new ScimBehaviour();
        _store.Seed(_context.Clock.UtcNow);
        _keys.Rebuild();
    });

    public void SeedUsers(int count, string prefix) => Writing(() =>
    {
        _store.SeedUsers(count, prefix, _context.Clock.UtcNow);
        _keys.Rebuild();
    });

    public IReadOnlyList<ScimWelcomeEmail> WelcomeEmails => Reading(() => _store.WelcomeEmails.ToList());

    public void ClearWelcomeEmails() => Writing(() => _store.WelcomeEmails.Clear());

    /// <summary>A page of a list, rendered for <paramref name="baseUrl"/> under the same lock as the list was made (one moment of the store).</summary>
    /// <remarks>
    /// The page's resources are rendered without the top-level attributes <paramref name="projection"/> leaves out
    /// (copying every attribute of 100 users, their groups and meta, to drop most of them was most of a projected
    /// page's cost), then projected and serialized; a user's serialized form is kept for the next list (see <see cref="Listed"/>).
    /// </remarks>
    public ScimPage List(ScimResourceType type, string? filter, int startIndex, int? count, string? sortBy, string? sortOrder, string baseUrl, ScimProjection projection)
    {
        var node = filter is null ? null : ScimFilterParser.Parse(type, filter);
        ScimAttributeReference? sort = null;
        if (sortBy is not null)
        {
            sort = ScimAttributeReference.Resolve(type, sortBy, out var problem) ?? throw ScimError.InvalidValue($"sortBy: {problem}");
        }
        return Reading(() =>
        {
            // A user's computed "groups" costs a scan of every group: only when the filter or sort names it.
            var groups = (filter ?? "").Contains("groups", StringComparison.OrdinalIgnoreCase) || (sortBy ?? "").Contains("groups", StringComparison.OrdinalIgnoreCase);
            // Unfiltered, the kept ordered list is the answer: copying 100,000 users for each 100-user page was most of
            // the emulator's time in a whole-list read.
            IReadOnlyList<ScimStored> matches = _store.Ordered(type);
            if (node is not null)
            {
                var candidates = _keys.Candidates(type, node);
                IEnumerable<ScimStored> pool = candidates is null ? matches : candidates.Select(id => _store.Of(type)[id]).OrderBy(r => r.Sequence);
                matches = pool.Where(r => node.Matches(Rendered(type, r, "", quirks: false, groups))).ToList();
            }
            if (sort is not null)
            {
                var comparer = StringComparer.OrdinalIgnoreCase;
                var sorted = matches.OrderBy(r => sort.ValuesIn(Rendered(type, r, "", quirks: false, groups)).Select(v => v.ToString()).FirstOrDefault() ?? "\uffff", comparer).ToList();
                if (string.Equals(sortOrder, "descending", StringComparison.OrdinalIgnoreCase)) sorted.Reverse();
                matches = sorted;
            }
            // RFC 7644 §3.4.2.4: startIndex < 1 is 1; a negative count is 0; the service caps count as it likes.
            var start = Math.Max(1, startIndex);
            var cap = Math.Min(_behaviour.MaxPageSize, _behaviour.FilterMaxResults);
            var take = Math.Clamp(count ?? cap, 0, cap);
            var page = matches.Skip(start - 1).Take(take).Select(stored => Listed(type, stored, baseUrl, projection)).ToList();
            return new ScimPage(page, matches.Count, start);
        });
    }

    /// <summary>
    /// A resource of a list page as UTF-8 JSON, projected. A user's is kept with it (<see cref="ScimStored.Listed"/>)
    /// and used again while its <see cref="ScimRenderKey"/> holds; a read keeps the one it made (reads run at once, and
    /// each makes the same bytes from the same state). Groups are rendered each time: a group shows its members'
    /// display names, which change with the users, and the client lists the few groups without their members.
    /// </summary>
    private byte[] Listed(ScimResourceType type, ScimStored stored, string baseUrl, ScimProjection projection)
    {
        if (!ReferenceEquals(type, ScimSchemas.UserType)) return Render();
        var key = new ScimRenderKey(stored.Version, _store.GroupsVersion, _behaviour, baseUrl, projection.Key);
        if (stored.Listed is { } kept && kept.Key == key) return kept.Utf8;
        var utf8 = Render();
        stored.Listed = new ScimRendering(key, utf8);
        return utf8;

        byte[] Render() => ScimHttp.Utf8(projection.Apply(ScimOutput.Resource(type, stored, baseUrl, _behaviour, _store, quirks: true, returns: projection.Returns)));
    }

    /// <summary>One resource as the client sees it, with the ETag of that same version.</summary>
    public (JsonObject Resource, string ETag) Get(ScimResourceType type, string id, string baseUrl) =>
        Reading(() => Tagged(type, Find(type, id), baseUrl));

    public ScimStored Create(ScimResourceType type, JsonObject body)
    {
        var data = ScimInput.Resource(type, body);
        return Writing(() =>
        {
            var welcome = TakeWelcomeSwitch(data);
            Validate(type, data, null);
            var stored = _store.Add(type, data, _context.Clock.UtcNow);
            _keys.Put(type, stored);
            if (ReferenceEquals(type, ScimSchemas.UserType))
            {
                if (data["active"] is null) data["active"] = true;
                if (_behaviour.WelcomeEmail == ScimWelcomeEmailMode.OnCreate || (_behaviour.WelcomeEmail == ScimWelcomeEmailMode.Attribute && welcome))
                {
                    var to = (data["emails"] as JsonArray)?.OfType<JsonObject>().OrderByDescending(e => e["primary"]?.GetValueKind() == JsonValueKind.True)
                        .Select(e => e["value"]?.GetValue<string>()).FirstOrDefault() ?? data["userName"]!.GetValue<string>();
                    _store.WelcomeEmails.Add(new ScimWelcomeEmail(stored.Id, data["userName"]!.GetValue<string>(), to, _context.Clock.UtcNow));
                }
            }
            return stored;
        });
    }

    public ScimStored Replace(ScimResourceType type, string id, JsonObject body, string? ifMatch)
    {
        var data = ScimInput.Resource(type, body);
        return Writing(() =>
        {
            var stored = Find(type, id);
            CheckVersion(stored, ifMatch);
            TakeWelcomeSwitch(data);
            Validate(type, data, id);
            if (ReferenceEquals(type, ScimSchemas.UserType) && data["active"] is null) data["active"] = true;
            Commit(type, stored, data);
            return stored;
        });
    }

    public ScimStored Patch(ScimResourceType type, string id, JsonObject message, string? ifMatch) => Writing(() =>
    {
        var stored = Find(type, id);
        CheckVersion(stored, ifMatch);
        var data = new ScimPatcher(type, _behaviour).Apply(stored.Data, message);
        TakeWelcomeSwitch(data);
        Validate(type, data, id);
        if (!JsonNode.DeepEquals(data, stored.Data)) Commit(type, stored, data);
        return stored;
    });

    public void Delete(ScimResourceType type, string id, string? ifMatch) => Writing(() =>
    {
        var stored = Find(type, id);
        CheckVersion(stored, ifMatch);
        _store.Remove(type, id);
        _keys.Remove(type, id);
        // A deleted user or group leaves every group it was in.
        foreach (var group in _store.Ordered(ScimSchemas.GroupType))
        {
            if (group.Data["members"] is JsonArray members && members.OfType<JsonObject>().Any(m => m["value"]?.GetValue<string>() == id))
            {
                var data = (JsonObject)group.Data.DeepClone();
                var kept = ((JsonArray)data["members"]!).OfType<JsonObject>().Where(m => m["value"]?.GetValue<string>() != id).Select(m => (JsonNode)m.DeepClone()).ToArray();
                data["members"] = new JsonArray(kept);
                Commit(ScimSchemas.GroupType, group, data);
            }
        }
    });

    /// <summary>The resource as a client sees it (see <see cref="ScimOutput"/>), with the ETag of that same version.</summary>
    public (JsonObject Resource, string ETag) Render(ScimResourceType type, ScimStored stored, string baseUrl) =>
        Reading(() => Tagged(type, stored, baseUrl));

    public (List<JsonObject> Users, List<JsonObject> Groups) Snapshot(string baseUrl) => Reading(() =>
        (_store.Ordered(ScimSchemas.UserType).Select(u => Rendered(ScimSchemas.UserType, u, baseUrl)).ToList(),
            _store.Ordered(ScimSchemas.GroupType).Select(g => Rendered(ScimSchemas.GroupType, g, baseUrl)).ToList()));

    private T Reading<T>(Func<T> read, [CallerMemberName] string operation = "")
    {
        _gate.EnterReadLock();
        try
        {
            var result = read();
            Holding?.Invoke(operation);
            return result;
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    private T Writing<T>(Func<T> write, [CallerMemberName] string operation = "")
    {
        _gate.EnterWriteLock();
        try
        {
            var result = write();
            Holding?.Invoke(operation);
            return result;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    private void Writing(Action write, [CallerMemberName] string operation = "") => Writing(() =>
    {
        write();
        return true;
    }, operation);

    private (JsonObject Resource, string ETag) Tagged(ScimResourceType type, ScimStored stored, string baseUrl) =>
        (Rendered(type, stored, baseUrl), stored.ETag);

    private JsonObject Rendered(ScimResourceType type, ScimStored stored, string baseUrl, bool quirks = true, bool groups = true) =>
        ScimOutput.Resource(type, stored, baseUrl, _behaviour, _store, quirks, groups);

    private ScimStored Find(ScimResourceType type, string id) =>
        _store.Of(type).TryGetValue(id, out var stored) ? stored : throw ScimError.NotFound($"{type.Name} {id} not found.");

    private void CheckVersion(ScimStored stored, string? ifMatch)
    {
        if (ifMatch is null || !_behaviour.EtagSupported) return;
        var wanted = ifMatch.Split(',').Select(t => t.Trim()).ToList();
        if (wanted.Contains("*")) return;
        static string Strip(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag.Substring(2) : tag;
        if (!wanted.Any(t => Strip(t) == Strip(stored.ETag)))
            throw ScimError.PreconditionFailed($"If-Match {ifMatch} does not match the current version {stored.ETag}: read the resource again.");
    }

    private void Commit(ScimResourceType type, ScimStored stored, JsonObject data)
    {
        _store.Replace(type, stored, data, _context.Clock.UtcNow);
        _keys.Put(type, stored);
    }

    /// <summary>The welcome-email extension is write-only: read its switch, keep it out of the stored resource.</summary>
    private static bool TakeWelcomeSwitch(JsonObject data)
    {
        if (data[ScimSchemas.WelcomeUri] is not JsonObject block) return false;
        data.Remove(ScimSchemas.WelcomeUri);
        if (data["schemas"] is JsonArray schemas)
        {
            foreach (var entry in schemas.Where(s => s?.GetValue<string>() == ScimSchemas.WelcomeUri).ToList()) schemas.Remove(entry);
        }
        return block[ScimSchemas.WelcomeAttribute]?.GetValueKind() == JsonValueKind.True;
    }

    /// <summary>Required attributes, uniqueness (userName and group displayName, case-insensitively), member references.</summary>
    private void Validate(ScimResourceType type, JsonObject data, string? id)
    {
        var isUser = ReferenceEquals(type, ScimSchemas.UserType);
        var keyName = isUser ? "userName" : "displayName";
        var key = data[keyName]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(key)) throw ScimError.InvalidValue($"'{keyName}' is required and must not be empty.");
        var clash = _keys.Find(type, keyName.ToLowerInvariant(), key).Select(other => _store.Of(type)[other])
            .FirstOrDefault(r => r.Id != id && string.Equals(r.Data[keyName]?.GetValue<string>(), key, StringComparison.OrdinalIgnoreCase));
        if (clash is not null) throw ScimError.Uniqueness($"{keyName} '{key}' is already taken by {type.Name} {clash.Id}.");
        if (!isUser && data["members"] is JsonArray members)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members.OfType<JsonObject>().ToList())
            {
                var value = member["value"]?.GetValue<string>() ?? throw ScimError.InvalidValue("Each member needs a \"value\" (the user's or group's id).");
                if (!seen.Add(value)) { members.Remove(member); continue; }
                var memberType = _store.Of(ScimSchemas.UserType).ContainsKey(value) ? "User"
                    : _store.Of(ScimSchemas.GroupType).ContainsKey(value) && value != id ? "Group"
                    : throw ScimError.InvalidValue($"Member '{value}' is not the id of a user or group of this service.");
                member["type"] = memberType;
            }
        }
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
