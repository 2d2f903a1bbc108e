using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Lms.ISpring;
using LmsSync.Core.Tests.Sync;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>The iSpring Learn connector against the iSpring emulator, over real HTTP.</summary>
public sealed class ISpringConnectorTests : IClassFixture<ISpringSandboxFixture>, IDisposable
{
    private readonly ISpringSandboxFixture _sandbox;
    private readonly WireRecorder _wire = new();
    private readonly ISpringConnector _connector;

    public ISpringConnectorTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
        _connector = Connector();
    }

    public void Dispose() => _connector.Dispose();

    private ISpringConnector Connector(string? secret = null, int pageSize = 1000) => new(new ISpringClientOptions
    {
        BaseUrl = _sandbox.Url,
        ClientId = _sandbox.ClientId,
        ClientSecret = ISpringSandboxFixture.Secure(secret ?? _sandbox.ClientSecret),
        SalesforceIdField = "Salesforce Id",
        PageSize = pageSize,
        InnerHandler = _wire,
        RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask },
    });

    private static PlanRow Row(PlanAction action, string? lmsId, Action<PlanRow>? configure = null)
    {
        var row = new PlanRow(action, "005000000000009AAA", lmsId, "Test User", "test@acme.example");
        configure?.Invoke(row);
        return row;
    }

    [Fact]
    public async Task A_lookup_reads_only_matching_users_one_filter_kind_per_request_in_chunks()
    {
        var ids = _sandbox.Store.AddLearners(250);
        var email = _sandbox.Store.GetUser(ids[200]).User.Email;
        _sandbox.Store.UpdateUser(ids[220], new ISpringUpdateUserInput
        {
            Fields = new Dictionary<string, string?> { [ISpringStore.SalesforceIdFieldName] = "005000000000ABCDEF" },
        }, ISpringGroupIdsOnUpdate.Add);
        var lookup = new LmsLookup().AddEmail(email.ToUpperInvariant()).AddEmail("nobody@acme.example").AddLogin("admin").AddSalesforceId("005000000000ABCDEF");
        foreach (var id in ids.Take(150)) lookup.AddLmsId(id);
        await _connector.CheckAsync(CancellationToken.None);
        _wire.Clear();

        var snapshot = await _connector.ReadMatchingAsync(Task.FromResult(lookup), CancellationToken.None);

        Assert.False(snapshot.UsersComplete);
        var expected = ids.Take(150).Append(ids[200]).Append(ids[220]).ToHashSet();
        var admin = Assert.Single(snapshot.Users, u => u.Login == "admin");
        Assert.True(admin.IsAdmin);
        Assert.Equal(expected.OrderBy(x => x), snapshot.Users.Where(u => u != admin).Select(u => u.LmsId).OrderBy(x => x));
        Assert.Equal("005000000000ABCDEF", snapshot.Users.Single(u => u.LmsId == ids[220]).SalesforceId);
        Assert.NotEmpty(snapshot.Departments);

        // 150 ids need two URL-sized chunks; one request each for emails and logins; one POST /user/list for the Salesforce Ids.
        var lists = _wire.Requests.Where(r => r.Path.Contains("/users/v2?", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        Assert.Equal(4, lists.Count);
        Assert.Equal(2, lists.Count(p => p.Contains("userIds[]=", StringComparison.Ordinal)));
        Assert.All(lists, p => Assert.True(new[] { "userIds[]=", "emails[]=", "logins[]=" }.Count(k => p.Contains(k, StringComparison.Ordinal)) == 1, "one filter kind per request: " + p));
        Assert.All(_wire.Requests, r => Assert.True(r.Path.Length < ISpringConnector.LookupUrlBudget + 200, $"{r.Path.Length} characters"));
        var search = Assert.Single(_wire.Requests, r => r.Path.EndsWith("/user/list", StringComparison.Ordinal));
        Assert.Contains("005000000000ABC", search.Body);
    }

    [Fact]
    public async Task Reads_users_groups_and_departments_page_by_page()
    {
        _sandbox.Store.AddLearners(25);
        using var connector = Connector(pageSize: 10);
        var pages = new List<int>();
        var snapshot = await connector.ReadAsync(new SyncProgress(pages), CancellationToken.None);

        Assert.Equal(30, snapshot.Users.Count);
        // Progress as pages arrive, rising to the total (chains read at once may report a later count for an earlier page).
        Assert.Equal(30, pages[^1]);
        Assert.Equal(pages.OrderBy(n => n), pages);
        var admin = snapshot.Users.Single(u => u.Login == "admin");
        Assert.True(admin.IsAdmin);
        var ann = snapshot.Users.Single(u => u.Login == "ann.lee");
        Assert.False(ann.IsAdmin);
        Assert.Equal("005000000000001AAA", ann.SalesforceId);
        Assert.Equal("Ann", ann.GetField("first_name"));
        Assert.Equal(_sandbox.DepartmentId("Sales"), ann.DepartmentId);
        Assert.Contains(_sandbox.GroupId("Onboarding"), ann.GroupIds);
        Assert.False(snapshot.Users.Single(u => u.Login == "carla.diaz").Active);
        Assert.Contains(snapshot.Groups, g => g.Name == "Managers");
        Assert.Null(snapshot.Departments.Single(d => d.Name == "Company").ParentId);
        Assert.Equal(_sandbox.DepartmentId("Sales"), snapshot.Departments.Single(d => d.Name == "Sales EMEA").ParentId);
        Assert.Equal("USER_DEFINED_FIELD1", connector.Capabilities.SalesforceIdField);
        Assert.True(connector.Catalog.TryResolve("Region", out var region) && region.Name == "USER_DEFINED_FIELD2");
        Assert.True(connector.Calls.Reads >= 5);
        Assert.Equal(0, connector.Calls.Writes);
    }

    [Fact]
    public async Task The_whole_read_asks_for_departments_and_groups_at_once_and_for_users_by_department_once_the_departments_are_in()
    {
        // The departments answer late (2 s): the groups may not wait for them; the users, read department by department, do.
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/departments", Method = "GET", Kind = FaultKind.None, DelayMs = 2000, Times = 1 });
        var mark = _sandbox.Host.Context.Requests.Mark;

        var snapshot = await _connector.ReadAsync(null, CancellationToken.None);

        Assert.NotEmpty(snapshot.Departments);
        var log = _sandbox.Host.Context.Requests.Since(mark).Where(r => r.Emulator == "ispring").ToList();
        var departments = log.First(r => r.Path.StartsWith("/ispring/departments", StringComparison.Ordinal));
        DateTimeOffset Started(LoggedRequest r) => r.Time - TimeSpan.FromMilliseconds(r.DurationMs);
        // The log holds each request when it was answered, with its duration.
        Assert.True(Started(log.First(r => r.Path.StartsWith("/ispring/groups", StringComparison.Ordinal))) < departments.Time, "the groups waited for the departments");
        var users = log.Where(r => r.Path.StartsWith("/ispring/users/v2", StringComparison.Ordinal)).ToList();
        Assert.Equal(snapshot.Departments.Count, users.Count); // one chain per department: five departments, a page each
        Assert.All(users, r => Assert.Contains("departments%5B%5D=", r.Path));
    }

    [Fact]
    public async Task Creates_with_and_without_the_welcome_email_and_preview_matches_the_request()
    {
        var ids = new OrgIds();
        var withMail = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("login", null, "new.one"), new FieldChange("email", null, "new.one@acme.example"), new FieldChange("first_name", null, "New"), new FieldChange("last_name", null, "One"), new FieldChange("USER_DEFINED_FIELD1", null, "005000000000009AAA") };
            r.DepartmentChange = new DepartmentChange(null, null, _sandbox.DepartmentId("Support"), "Support");
            r.GroupsToJoin = new[] { new GroupRef(_sandbox.GroupId("Onboarding"), "Onboarding") };
            r.SendWelcomeEmail = true;
        });
        await _connector.CheckAsync(CancellationToken.None);
        var preview = Assert.Single(_connector.Preview(withMail, ids));
        _wire.Clear();
        var id = await _connector.ApplyAsync(withMail, ids, CancellationToken.None);

        var sent = Assert.Single(_wire.Requests, r => r.Method == "POST" && r.Path.EndsWith("/user"));
        Assert.Equal(preview.Body, sent.Body);
        Assert.Equal("/user", preview.Path);
        var stored = _sandbox.Store.UserByLogin("new.one")!;
        Assert.Equal(id, stored.UserId);
        Assert.Equal("005000000000009AAA", stored.Fields["USER_DEFINED_FIELD1"]);
        Assert.Contains(_sandbox.Store.Snapshot().Groups.Single(g => g.Name == "Onboarding").UserIds, u => u == id);
        var mail = Assert.Single(_sandbox.Store.SentEmails);
        Assert.Equal(id, mail.UserId);
        Assert.False(string.IsNullOrWhiteSpace(mail.InvitationMessage));

        var silent = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("login", null, "quiet.one"), new FieldChange("email", null, "quiet.one@acme.example"), new FieldChange("first_name", null, "Quiet"), new FieldChange("last_name", null, "One") };
            r.DepartmentChange = new DepartmentChange(null, null, null, "Support");
        });
        ids.Departments["Support"] = _sandbox.DepartmentId("Support");
        await _connector.ApplyAsync(silent, ids, CancellationToken.None);
        Assert.NotNull(_sandbox.Store.UserByLogin("quiet.one"));
        Assert.Single(_sandbox.Store.SentEmails);
        Assert.DoesNotContain(_sandbox.ClientSecret, string.Join("\n", _connector.Preview(silent, ids)));
    }

    [Fact]
    public async Task Updates_moves_and_changes_groups_without_dropping_other_members()
    {
        var ann = _sandbox.UserId("ann.lee");
        var row = Row(PlanAction.Update, ann, r =>
        {
            r.Changes = new[] { new FieldChange("job_title", null, "Lead"), new FieldChange("first_name", "Ann", "Anne") };
            r.DepartmentChange = new DepartmentChange(_sandbox.DepartmentId("Sales"), "Sales", _sandbox.DepartmentId("Engineering"), "Engineering");
            r.GroupsToJoin = new[] { new GroupRef(_sandbox.GroupId("Managers"), "Managers") };
            r.GroupsToLeave = new[] { new GroupRef(_sandbox.GroupId("Onboarding"), "Onboarding") };
        });
        var previews = _connector.Preview(row, new OrgIds());
        _wire.Clear();
        Assert.Equal(ann, await _connector.ApplyAsync(row, new OrgIds(), CancellationToken.None));

        var stored = _sandbox.Store.UserByLogin("ann.lee")!;
        Assert.Equal("Lead", stored.Fields["job_title"]);
        Assert.Equal("Anne", stored.Fields["first_name"]);
        Assert.Equal(_sandbox.DepartmentId("Engineering"), stored.DepartmentId);
        var groups = _sandbox.Store.Snapshot().Groups;
        Assert.Equal(new[] { _sandbox.UserId("admin"), _sandbox.UserId("dan.fox"), ann }.OrderBy(x => x), groups.Single(g => g.Name == "Managers").UserIds.OrderBy(x => x));
        Assert.Equal(new[] { _sandbox.UserId("bob.stone") }, groups.Single(g => g.Name == "Onboarding").UserIds);
        var update = previews.Single(p => p.Path == "/user/" + ann);
        Assert.Equal(update.Body, _wire.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/user/" + ann)).Body);
        var leave = previews.Single(p => p.Path.EndsWith("/groups/remove"));
        Assert.Equal(leave.Body, _wire.Requests.Single(r => r.Path.EndsWith("/groups/remove")).Body);
    }

    [Fact]
    public async Task Deactivates_and_reactivates_one_by_one_and_in_bulk()
    {
        var bob = _sandbox.UserId("bob.stone");
        await _connector.ApplyAsync(Row(PlanAction.Deactivate, bob), new OrgIds(), CancellationToken.None);
        Assert.Equal(3, _sandbox.Store.UserByLogin("bob.stone")!.Status);
        var carla = _sandbox.UserId("carla.diaz");
        await _connector.ApplyAsync(Row(PlanAction.Reactivate, carla, r => r.Changes = new[] { new FieldChange("job_title", null, "Back") }), new OrgIds(), CancellationToken.None);
        Assert.Equal(1, _sandbox.Store.UserByLogin("carla.diaz")!.Status);
        Assert.Equal("Back", _sandbox.Store.UserByLogin("carla.diaz")!.Fields["job_title"]);

        var rows = new[] { Row(PlanAction.Deactivate, carla), Row(PlanAction.Deactivate, _sandbox.UserId("dan.fox")), Row(PlanAction.Reactivate, bob) };
        Assert.All(rows, r => Assert.True(_connector.CanBatch(r)));
        _wire.Clear();
        var results = await _connector.ApplyBatchAsync(rows, new OrgIds(), CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(3, _sandbox.Store.UserByLogin("dan.fox")!.Status);
        Assert.Equal(1, _sandbox.Store.UserByLogin("bob.stone")!.Status);
        Assert.Equal(2, _wire.Requests.Count(r => r.Path.Contains("/users/")));
    }

    [Fact]
    public async Task Creates_and_deletes_departments_and_creates_groups()
    {
        var top = await _connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateDepartment, null, "Marketing", null, "new"), CancellationToken.None);
        var under = await _connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateDepartment, null, "Sales APAC", _sandbox.DepartmentId("Sales"), "new"), CancellationToken.None);
        var group = await _connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateGroup, null, "New hires", null, "new"), CancellationToken.None);
        Assert.Equal(_sandbox.Store.RootDepartmentId, _sandbox.Store.DepartmentByName("Marketing")!.ParentDepartmentId);
        Assert.Equal(_sandbox.DepartmentId("Sales"), _sandbox.Store.DepartmentByName("Sales APAC")!.ParentDepartmentId);
        Assert.Equal(group, _sandbox.GroupId("New hires"));
        Assert.Null(await _connector.ApplyAsync(new OrgChange(OrgChangeKind.DeleteDepartment, top, "Marketing", null, "empty"), CancellationToken.None));
        Assert.Null(_sandbox.Store.DepartmentByName("Marketing"));
        Assert.NotNull(under);
    }

    [Fact]
    public async Task A_duplicate_carries_the_LMS_text_and_bad_credentials_are_authentication()
    {
        var duplicate = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("login", null, "ann.lee"), new FieldChange("email", null, "other@acme.example"), new FieldChange("first_name", null, "A"), new FieldChange("last_name", null, "L") };
            r.DepartmentChange = new DepartmentChange(null, null, _sandbox.DepartmentId("Sales"), "Sales");
        });
        var error = await Assert.ThrowsAsync<LmsConnectorException>(() => _connector.ApplyAsync(duplicate, new OrgIds(), CancellationToken.None));
        Assert.Equal(409, error.StatusCode);
        Assert.False(error.IsAuthentication || error.IsTransient);
        Assert.Contains("login", error.Message, StringComparison.OrdinalIgnoreCase);

        using var wrong = Connector(secret: "not-the-secret");
        var refused = await Assert.ThrowsAsync<LmsConnectorException>(() => wrong.CheckAsync(CancellationToken.None));
        Assert.True(refused.IsAuthentication);
        Assert.Contains("client id and secret", refused.Message);
        Assert.DoesNotContain("not-the-secret", refused.Message);
    }

    [Fact]
    public async Task Converges_a_second_pass_writes_nothing()
    {
        var users = new[]
        {
            Sf.Record("005000000000001AAA", ("FirstName", "Ann"), ("LastName", "Lee"), ("Email", "ann.lee@acme.example"), ("Title", "Rep"), ("Department", "Sales"), ("Division", "Onboarding"), ("IsActive", true)),
            Sf.Person(11, department: "Sales", division: "Onboarding"),
            Sf.Person(12, department: "Marketing", division: "New hires"),
            Sf.Person(13, department: "Sales EMEA", division: "Managers"),
            Sf.Record(Sf.Id(14), ("FirstName", "Bob"), ("LastName", "Stone"), ("Email", "BOB.STONE@acme.example"), ("Department", "Support"), ("Division", "Onboarding"), ("IsActive", true)),
        };
        var first = await ConnectorRun.PlanAsync(_connector, users, SyncState.Empty);
        Assert.Contains(first.OrgChanges, c => c.Kind == OrgChangeKind.CreateDepartment && c.Name == "Marketing");
        Assert.Contains(first.OrgChanges, c => c.Kind == OrgChangeKind.CreateGroup && c.Name == "New hires");
        Assert.True(3 == first.Rows.Count(r => r.Action == PlanAction.Create), string.Join("\n", first.Rows.Select(r => r + " " + r.Reason)));
        var state = await ConnectorRun.ApplyAsync(_connector, first, SyncState.Empty);

        var writes = _connector.Calls.Writes;
        var second = await ConnectorRun.PlanAsync(_connector, users, state);
        Assert.True(second.Rows.All(r => !ConnectorRun.Applies(r) && !r.CreatesLink) && second.OrgChanges.Count == 0, ConnectorRun.Leftovers(second));
        Assert.All(second.Rows, r => Assert.True(r.Action == PlanAction.NoChange || r.Action == PlanAction.Skip, r.ToString()));
        await ConnectorRun.ApplyAsync(_connector, second, state);
        Assert.Equal(writes, _connector.Calls.Writes);
        Assert.Equal(Sf.Id(12), _sandbox.Store.UserByLogin("user12@acme.com")!.Fields["USER_DEFINED_FIELD1"]);
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
