using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Lms.Scim;
using LmsSync.Core.Tests.Sync;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>The SCIM connector against the SCIM emulator, over real HTTP.</summary>
public sealed class ScimConnectorTests : ScimTestBase
{
    private const string Admin = "a0000000-0000-4000-8000-000000000001";
    private const string Maria = "a0000000-0000-4000-8000-000000000002";
    private const string Tom = "a0000000-0000-4000-8000-000000000003";
    private const string Yuki = "a0000000-0000-4000-8000-000000000004";
    private const string Administrators = "c0000000-0000-4000-8000-000000000001";
    private const string Trainers = "c0000000-0000-4000-8000-000000000002";
    private const string WelcomeAttribute = "urn:lmssync:params:scim:schemas:extension:welcome:2.0:User:sendWelcomeEmail";

    private readonly WireRecorder _wire = new();

    public ScimConnectorTests(ScimSandboxFixture fixture) : base(fixture)
    {
    }

    private ScimConnector Connector(string? token = null, int pageSize = 100) => new(new ScimClientOptions
    {
        BaseUrl = Url,
        Token = Secure(token ?? Emulator.Token),
        PageSize = pageSize,
        WelcomeEmailAttribute = WelcomeAttribute,
        InnerHandler = _wire,
        RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask },
    }, new ScimConnectorOptions { AdministratorGroup = "LMS Administrators" });

    private static PlanRow Row(PlanAction action, string? lmsId, Action<PlanRow>? configure = null)
    {
        var row = new PlanRow(action, "005000000000009AAA", lmsId, "Test User", "test@acme.example");
        configure?.Invoke(row);
        return row;
    }

    private JsonObject Stored(string id) => Emulator.Snapshot().Users.Single(u => (string?)u["id"] == id);

    private IReadOnlyList<string> Members(string groupId) =>
        ((JsonArray?)Emulator.Snapshot().Groups.Single(g => (string?)g["id"] == groupId)["members"] ?? new JsonArray()).Select(m => (string)m!["value"]!).ToList();

    [Fact]
    public async Task A_lookup_reads_only_matching_users_with_or_filters_within_filter_maxResults()
    {
        Emulator.Behaviour = new ScimBehaviour { FilterMaxResults = 5 };
        Emulator.SeedUsers(30);
        Emulator.SeedUsers(1, "o\"brien\\");
        var seeded = Emulator.Snapshot().Users.Select(u => (string)u["userName"]!).Where(n => n.StartsWith("seed.user", StringComparison.Ordinal)).Take(12).ToList();
        var quoted = Emulator.Snapshot().Users.Select(u => (string)u["userName"]!).Single(n => n.StartsWith("o\"brien\\", StringComparison.Ordinal));
        var lookup = new LmsLookup().AddLmsId(Maria).AddSalesforceId("005000000000ABCDEF").AddLogin(quoted);
        foreach (var name in seeded) lookup.AddLogin(name.ToUpperInvariant()); // userName is caseExact false
        using var connector = Connector();
        _wire.Clear();

        var snapshot = await connector.ReadMatchingAsync(Task.FromResult(lookup), CancellationToken.None);

        Assert.False(snapshot.UsersComplete);
        Assert.Equal(seeded.Append(quoted).Append("maria.garcia@lms.example").OrderBy(x => x), snapshot.Users.Select(u => u.Login!).OrderBy(x => x));
        Assert.Contains(snapshot.Groups, g => g.Name == "Trainers");
        // 16 terms (1 id, 2 externalIds, 13 userNames), at most filter.maxResults = 5 per filter: 4 requests, none unfiltered.
        var lists = _wire.Requests.Where(r => r.Method == "GET" && r.Path.Contains("/Users?", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        Assert.Equal(4, lists.Count);
        Assert.All(lists, p => Assert.Contains("filter=", p));
        Assert.All(lists, p => Assert.InRange(p.Split(" or ").Length, 1, 5));
        Assert.Contains(lists, p => p.Contains("userName eq \"o\\\"brien\\\\", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_users_groups_and_the_admin_group_over_several_pages()
    {
        Emulator.SeedUsers(9);
        using var connector = Connector(pageSize: 4);
        var reported = new List<int>();
        var snapshot = await connector.ReadAsync(new Progress(reported), CancellationToken.None);

        Assert.Equal(13, snapshot.Users.Count);
        Assert.True(reported.Count >= 4);
        Assert.True(snapshot.Users.Single(u => u.LmsId == Admin).IsAdmin);
        var maria = snapshot.Users.Single(u => u.LmsId == Maria);
        Assert.False(maria.IsAdmin);
        Assert.Equal("maria.garcia@lms.example", maria.Login);
        Assert.Equal("Maria", maria.GetField("name.givenName"));
        Assert.Equal("Learning & Development", maria.GetField("enterprise.department"));
        Assert.Equal(new[] { Trainers }, maria.GroupIds);
        Assert.False(snapshot.Users.Single(u => u.LmsId == Yuki).Active);
        Assert.Equal(2, snapshot.Groups.Count);
        Assert.Equal(0, connector.Calls.Writes);
    }

    [Fact]
    public async Task Creates_with_and_without_welcome_email_and_preview_is_what_was_sent()
    {
        Switch(b => b.WelcomeEmail = ScimWelcomeEmailMode.Attribute);
        using var connector = Connector();
        var welcome = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("userName", null, "new.one@acme.example"), new FieldChange("email", null, "new.one@acme.example"), new FieldChange("name.givenName", null, "New"), new FieldChange("enterprise.department", null, "Sales"), new FieldChange("externalId", null, "005000000000009AAA") };
            r.SendWelcomeEmail = true;
            r.GroupsToJoin = new[] { new GroupRef(Trainers, "Trainers") };
        });
        Assert.True(connector.Capabilities.SupportsWelcomeEmail);
        var preview = connector.Preview(welcome, new OrgIds());
        var id = await connector.ApplyAsync(welcome, new OrgIds(), CancellationToken.None);

        var stored = Stored(id);
        Assert.Equal("005000000000009AAA", (string?)stored["externalId"]);
        Assert.Contains(id, Members(Trainers));
        Assert.Single(Emulator.WelcomeEmails, e => e.UserId == id);
        Assert.Equal(preview[0].Body, _wire.Requests.Single(r => r.Method == "POST").Body);
        Assert.DoesNotContain(Emulator.Token, string.Join("\n", preview));

        var silent = Row(PlanAction.Create, null, r => r.Changes = new[] { new FieldChange("userName", null, "quiet@acme.example"), new FieldChange("externalId", null, "005000000000008AAA") });
        var quiet = await connector.ApplyAsync(silent, new OrgIds(), CancellationToken.None);
        Assert.DoesNotContain(Emulator.WelcomeEmails, e => e.UserId == quiet);
    }

    [Fact]
    public async Task Updates_deactivates_reactivates_and_changes_groups_keeping_other_members()
    {
        using var connector = Connector();
        await connector.ReadAsync(null, CancellationToken.None);
        var row = Row(PlanAction.Update, Tom, r =>
        {
            r.Changes = new[] { new FieldChange("title", "Contractor", "Employee"), new FieldChange("externalId", null, "005000000000007AAA") };
            r.GroupsToJoin = new[] { new GroupRef(Trainers, "Trainers") };
        });
        var previews = connector.Preview(row, new OrgIds());
        _wire.Clear();
        await connector.ApplyAsync(row, new OrgIds(), CancellationToken.None);
        Assert.Equal("Employee", (string?)Stored(Tom)["title"]);
        Assert.Equal("005000000000007AAA", (string?)Stored(Tom)["externalId"]);
        Assert.Equal(new[] { Maria, Tom, Yuki }.OrderBy(x => x), Members(Trainers).OrderBy(x => x));
        var patches = _wire.Requests.Where(r => r.Method == "PATCH").Select(r => r.Body).ToList();
        Assert.Equal(previews.Select(p => p.Body), patches);

        await connector.ApplyAsync(Row(PlanAction.Deactivate, Tom, r => r.GroupsToLeave = new[] { new GroupRef(Trainers, "Trainers") }), new OrgIds(), CancellationToken.None);
        Assert.False((bool)Stored(Tom)["active"]!);
        Assert.Equal(new[] { Maria, Yuki }.OrderBy(x => x), Members(Trainers).OrderBy(x => x));
        await connector.ApplyAsync(Row(PlanAction.Reactivate, Yuki), new OrgIds(), CancellationToken.None);
        Assert.True((bool)Stored(Yuki)["active"]!);

        var group = await connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateGroup, null, "New hires", null, "new"), CancellationToken.None);
        Assert.Contains(Emulator.Snapshot().Groups, g => (string?)g["id"] == group && (string?)g["displayName"] == "New hires");
    }

    [Fact]
    public async Task A_duplicate_carries_the_service_text_and_a_bad_token_is_authentication()
    {
        using var connector = Connector();
        var duplicate = Row(PlanAction.Create, null, r => r.Changes = new[] { new FieldChange("userName", null, "maria.garcia@lms.example") });
        var error = await Assert.ThrowsAsync<LmsConnectorException>(() => connector.ApplyAsync(duplicate, new OrgIds(), CancellationToken.None));
        Assert.Equal(409, error.StatusCode);
        Assert.Contains(((ScimException)error.InnerException!).Detail!, error.Message);

        using var wrong = Connector(token: "scim-wrong");
        var refused = await Assert.ThrowsAsync<LmsConnectorException>(() => wrong.CheckAsync(CancellationToken.None));
        Assert.True(refused.IsAuthentication);
        Assert.Contains("bearer token", refused.Message);
    }

    [Fact]
    public async Task Converges_a_second_pass_writes_nothing()
    {
        using var connector = Connector();
        var mapping = LmsSync.Core.Lms.LmsFieldCatalog.DefaultMapping(LmsKind.Scim);
        mapping.Groups = new LmsSync.Core.Mapping.GroupMapping("Division");
        var users = new[]
        {
            Sf.Record(Sf.Id(31), ("FirstName", "Maria"), ("LastName", "Garcia"), ("Name", "Maria Garcia"), ("Email", "Maria.Garcia@lms.example"), ("Title", "Lead trainer"), ("Department", "Learning & Development"), ("Division", "Trainers"), ("IsActive", true)),
            Sf.Person(32, department: "Sales", division: "Trainers"),
            Sf.Person(33, department: "Support", division: "New hires"),
        };
        var first = await ConnectorRun.PlanAsync(connector, users, SyncState.Empty, mapping);
        Assert.Contains(first.OrgChanges, c => c.Kind == OrgChangeKind.CreateGroup && c.Name == "New hires");
        Assert.Equal(2, first.Rows.Count(r => r.Action == PlanAction.Create));
        var state = await ConnectorRun.ApplyAsync(connector, first, SyncState.Empty);

        var writes = connector.Calls.Writes;
        var second = await ConnectorRun.PlanAsync(connector, users, state, mapping);
        Assert.True(second.Rows.All(r => !ConnectorRun.Applies(r) && !r.CreatesLink) && second.OrgChanges.Count == 0, ConnectorRun.Leftovers(second));
        await ConnectorRun.ApplyAsync(connector, second, state);
        Assert.Equal(writes, connector.Calls.Writes);
        Assert.Equal(Sf.Id(31), (string?)Stored(Maria)["externalId"]);
    }

    private sealed class Progress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
