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

    private ScimConnector Connector(string? token = null, int pageSize = 100, bool useBulk = true)
    {
        return new(new ScimClientOptions
        {
            BaseUrl = Url,
            Token = Secure(token ?? Emulator.Token),
            PageSize = pageSize,
            WelcomeEmailAttribute = WelcomeAttribute,
            InnerHandler = _wire,
            UseBulk = useBulk,
            RetryPolicy = new RetryPolicy { Delay = (wait, _) => { lock (Waits) Waits.Add(wait); return Task.CompletedTask; } },
        }, new ScimConnectorOptions { AdministratorGroup = "LMS Administrators" });
    }

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
    public async Task A_whole_list_read_gives_each_user_the_fields_and_patch_diff_its_full_resource_gives()
    {
        Emulator.SeedUsers(5);
        using var connector = Connector(pageSize: 3);
        using var client = new ScimClient(new ScimClientOptions { BaseUrl = Url, Token = Secure(Emulator.Token) });
        var snapshot = await connector.ReadAsync(null, CancellationToken.None);
        var changes = new[]
        {
            new FieldChange("name.givenName", null, "Changed"), new FieldChange("title", null, null), new FieldChange("email", null, "new@acme.example"),
            new FieldChange("phoneNumber", null, "+1 555 0199"), new FieldChange("enterprise.department", null, "Support"), new FieldChange("enterprise.manager", null, Admin),
        };

        // Each page asks for the identity, meta.version and the catalog's attributes only (RFC 7644 §3.4.2.5), and the
        // emulator answers with just those: the fields and the PATCH below are computed from that reduced resource.
        var enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        var asked = "attributes=" + Uri.EscapeDataString("id,userName,externalId,active,meta.version,name,displayName,nickName,title,userType,preferredLanguage,locale,timezone,emails,phoneNumbers," +
            string.Join(",", new[] { "department", "employeeNumber", "costCenter", "organization", "division", "manager" }.Select(a => enterprise + a)));
        var pages = _wire.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/scim/v2/Users?startIndex=", StringComparison.Ordinal) && !r.Path.Contains("count=0")).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, r => Assert.EndsWith("&" + asked, r.Path));

        Assert.Equal(9, snapshot.Users.Count);
        foreach (var user in snapshot.Users)
        {
            var whole = (await client.GetUserAsync(user.LmsId))!;
            foreach (var field in connector.Catalog.Fields)
                Assert.Equal(whole.Get(field.Name), user.GetField(field.Name));
            Assert.Equal(whole.Email, user.Email);
            var expected = new ScimUserChanges();
            foreach (var change in changes) expected.Set(change.Field, change.New);
            var preview = connector.Preview(Row(PlanAction.Update, user.LmsId, r => r.Changes = changes), new OrgIds()).Single();
            Assert.Equal(ScimPatchOperation.Message(expected.ToPatch(whole.Resource)).ToString(Newtonsoft.Json.Formatting.None), preview.Body);
        }
    }

    [Fact]
    public async Task A_service_that_refuses_attributes_on_lists_is_read_whole_after_one_refused_page()
    {
        Emulator.SeedUsers(5);
        Switch(b => b.RefuseListProjection = true);
        var log = new LmsSync.Core.Tests.Salesforce.RecordingLog();
        using var connector = new ScimConnector(new ScimClientOptions
        {
            BaseUrl = Url, Token = Secure(Emulator.Token), PageSize = 3, InnerHandler = _wire, Log = log,
            RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask },
        }, new ScimConnectorOptions());
        using var client = new ScimClient(new ScimClientOptions { BaseUrl = Url, Token = Secure(Emulator.Token) });

        var snapshot = await connector.ReadAsync(null, CancellationToken.None);

        // The refused first page is asked again without; the later pages never carry it.
        var pages = _wire.Requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/scim/v2/Users?startIndex=", StringComparison.Ordinal) && !r.Path.Contains("count=0")).ToList();
        Assert.Equal(4, pages.Count);
        Assert.Contains("&attributes=", pages[0].Path);
        Assert.All(pages.Skip(1), r => Assert.DoesNotContain("attributes=", r.Path));
        Assert.StartsWith("/scim/v2/Users?startIndex=1&", pages[1].Path);
        Assert.Equal(9, snapshot.Users.Count);
        foreach (var user in snapshot.Users)
        {
            var whole = (await client.GetUserAsync(user.LmsId))!;
            foreach (var field in connector.Catalog.Fields)
                Assert.Equal(whole.Get(field.Name), user.GetField(field.Name));
        }
        Assert.Single(log.VerboseMessages, m => m.Contains("lists are read as whole resources", StringComparison.Ordinal));
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

    private static PlanRow NewRow(int n, Action<PlanRow>? configure = null)
    {
        var row = new PlanRow(PlanAction.Create, $"00500000000{n:0000}AAA", null, "Bulk " + n, $"bulk{n}@acme.example")
        {
            Changes = new[] { new FieldChange("userName", null, $"bulk{n}@acme.example"), new FieldChange("externalId", null, $"00500000000{n:0000}AAA") },
        };
        configure?.Invoke(row);
        return row;
    }

    [Fact]
    public async Task In_bulk_a_bad_operation_fails_only_its_row_and_each_group_gets_one_patch_for_many_members()
    {
        using var connector = Connector();
        await connector.ReadAsync(null, CancellationToken.None);
        var trainers = new[] { new GroupRef(Trainers, "Trainers") };
        var rows = new List<PlanRow> { NewRow(1, r => r.GroupsToJoin = trainers), NewRow(2, r => r.GroupsToJoin = trainers) };
        rows.Add(NewRow(3, r => { r.Changes = new[] { new FieldChange("userName", null, "maria.garcia@lms.example") }; r.GroupsToJoin = trainers; }));
        rows.Add(NewRow(4, r => r.GroupsToJoin = trainers));
        rows.Add(Row(PlanAction.Update, Tom, r => { r.Changes = new[] { new FieldChange("title", "Contractor", "Employee") }; r.GroupsToJoin = trainers; }));
        rows.Add(Row(PlanAction.Deactivate, Maria, r => r.GroupsToLeave = trainers));
        Assert.All(rows, r => Assert.True(connector.CanBatch(r)));
        _wire.Clear();

        var results = await connector.ApplyBatchAsync(rows, new OrgIds(), CancellationToken.None);

        Assert.Equal(rows, results.Select(r => r.Row));
        var duplicate = results[2];
        Assert.False(duplicate.Succeeded);
        Assert.Null(duplicate.LmsId);
        Assert.Equal(409, duplicate.Error!.StatusCode);
        Assert.Contains("maria.garcia@lms.example", duplicate.Error.Message);
        Assert.All(results.Where((_, i) => i != 2), r => Assert.True(r.Succeeded, r.Error?.Message));
        var created = new[] { results[0], results[1], results[3] }.Select(r => r.LmsId!).ToList();
        Assert.Equal(created.Select(id => (string?)Stored(id)["userName"]), new[] { "bulk1@acme.example", "bulk2@acme.example", "bulk4@acme.example" });
        Assert.Equal(created.Append(Tom).Append(Yuki).OrderBy(x => x), Members(Trainers).OrderBy(x => x));
        Assert.Equal("Employee", (string?)Stored(Tom)["title"]);
        Assert.False((bool)Stored(Maria)["active"]!);
        // The users' writes, then one request for the group's adds and remove, then the deactivation (one operation
        // alone is an ordinary PATCH): three requests, none per user or per membership.
        Assert.Equal(new[] { "POST /Bulk", "POST /Bulk", "PATCH /Users/" + Maria }, _wire.Requests.Select(r => r.Method + " " + r.Path.Substring(r.Path.IndexOf("/v2/") + 3)));
        var groupOperations = JsonNode.Parse(_wire.Requests[1].Body)!["Operations"]!.AsArray();
        Assert.Equal(2, groupOperations.Count);
        Assert.All(groupOperations, o => Assert.Equal("/Groups/" + Trainers, (string?)o!["path"]));
    }

    [Fact]
    public async Task A_failed_Bulk_request_fails_each_of_its_rows_with_the_service_text()
    {
        using var connector = Connector();
        await connector.ReadAsync(null, CancellationToken.None);
        Host.Context.Faults.Add(new LmsSync.Sandbox.Faults.FaultRule { Method = "POST", PathPattern = "^/scim/v2/Bulk$", StatusCode = 400,
            Body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\",\"scimType\":\"invalidSyntax\",\"detail\":\"bulk refused\"}" });

        var results = await connector.ApplyBatchAsync(new[] { NewRow(1), NewRow(2) }, new OrgIds(), CancellationToken.None);

        Assert.All(results, r => { Assert.False(r.Succeeded); Assert.Contains("bulk refused", r.Error!.Message); Assert.False(r.Error.IsTransient); });
        Assert.Equal(4, Emulator.Snapshot().Users.Count);
    }

    [Fact]
    public async Task Bulk_answering_503_is_sent_again_after_Retry_After()
    {
        using var connector = Connector();
        await connector.ReadAsync(null, CancellationToken.None);
        Host.Context.Faults.Add(new LmsSync.Sandbox.Faults.FaultRule { Method = "POST", PathPattern = "^/scim/v2/Bulk$", Times = 1, StatusCode = 503, Headers = { ["Retry-After"] = "7" } });

        var results = await connector.ApplyBatchAsync(new[] { NewRow(1), NewRow(2) }, new OrgIds(), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Contains(TimeSpan.FromSeconds(7), Waits);
        Assert.Equal(1, connector.Calls.Retries);
        Assert.Equal(new[] { 503, 200 }, Requests("POST", "/Bulk").Select(r => r.Status));
    }

    [Fact]
    public async Task Nothing_is_batched_when_Bulk_is_not_advertised_or_UseBulk_is_off()
    {
        var create = NewRow(1);
        using var bulk = Connector();
        Assert.False(bulk.CanBatch(create)); // nothing known before the service was asked
        await bulk.ReadAsync(null, CancellationToken.None);
        Assert.True(bulk.CanBatch(create));
        Assert.Equal(100, bulk.BatchSize);
        using var off = Connector(useBulk: false);
        await off.ReadAsync(null, CancellationToken.None);
        Assert.False(off.CanBatch(create));
        Switch(b => b.BulkSupported = false);
        using var none = Connector();
        await none.ReadAsync(null, CancellationToken.None);
        Assert.False(none.CanBatch(create));
    }
}
