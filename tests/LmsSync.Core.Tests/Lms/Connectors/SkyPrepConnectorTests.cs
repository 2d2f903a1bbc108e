using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Lms.SkyPrep;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>The SkyPrep connector against the SkyPrep emulator, over real HTTP (throttle waits move the Sandbox clock).</summary>
public sealed class SkyPrepConnectorTests : SkyPrepTestBase, IDisposable
{
    private readonly WireRecorder _wire = new();
    private readonly SkyPrepConnector _connector;

    public SkyPrepConnectorTests(SkyPrepSandboxFixture fixture) : base(fixture) => _connector = Connector();

    public void Dispose() => _connector.Dispose();

    private SkyPrepConnector Connector(Action<LmsSync.Core.Lms.SkyPrep.SkyPrepClientOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        var connectorOptions = new SkyPrepConnectorOptions();
        connectorOptions.CustomLabels.Add("Region");
        return new SkyPrepConnector(options, connectorOptions, _wire);
    }

    private long GroupId(string name) => Emulator.State.Groups().Single(g => g.Name == name).Id;

    private static PlanRow Row(PlanAction action, string? lmsId, Action<PlanRow>? configure = null)
    {
        var row = new PlanRow(action, "005000000000009AAA", lmsId, "Test User", "test@acme.example");
        configure?.Invoke(row);
        return row;
    }

    [Fact]
    public async Task Reads_users_with_groups_admin_and_Salesforce_Id_over_several_pages()
    {
        Emulator.State.AddLearners(12, Host.Context.Clock.UtcNow);
        using var connector = Connector(o => o.PageSize = 5);
        var reported = new List<int>();
        var snapshot = await connector.ReadAsync(new Progress(reported), CancellationToken.None);

        Assert.Equal(17, snapshot.Users.Count);
        Assert.True(reported.Count >= 4);
        Assert.True(snapshot.Users.Single(u => u.Email == SkyPrepStateAdmin).IsAdmin);
        var ann = snapshot.Users.Single(u => u.Email == "ann.archer@acme.example.com");
        Assert.Equal("005000000000001AAA", ann.SalesforceId);
        Assert.Equal("EMEA", ann.GetField("Region"));
        Assert.Equal(new[] { GroupId("Sales").ToString() }, ann.GroupIds);
        Assert.False(snapshot.Users.Single(u => u.Email == "di.doyle@acme.example.com").Active);
        Assert.Equal(2, snapshot.Groups.Count);
        Assert.Empty(snapshot.Departments);
        Assert.Equal(0, connector.Calls.Writes);
        Assert.Equal(1, connector.MaxConcurrency);
        Assert.Equal("user_identifier", connector.Capabilities.SalesforceIdField);
    }

    private const string SkyPrepStateAdmin = LmsSync.Sandbox.SkyPrep.SkyPrepState.AdminEmail;

    [Fact]
    public async Task Creates_with_and_without_welcome_email_and_preview_is_what_was_sent_without_the_key()
    {
        var welcome = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("first_name", null, "New"), new FieldChange("last_name", null, "One"), new FieldChange("email", null, "new.one@acme.example.com"), new FieldChange("user_identifier", null, "005000000000009AAA"), new FieldChange("Region", null, "APAC") };
            r.SendWelcomeEmail = true;
        });
        var preview = _connector.Preview(welcome, new OrgIds());
        var created = await _connector.ApplyAsync(welcome, new OrgIds(), CancellationToken.None);

        var stored = StoredUser("new.one@acme.example.com");
        Assert.Equal(created, stored.Id.ToString());
        Assert.Equal("005000000000009AAA", stored.SalesforceId);
        Assert.Equal("APAC", stored.CustomLabels["Region"]);
        Assert.Contains(Emulator.State.SentEmails(), e => e.UserId == stored.Id);
        var sent = _wire.Requests.Single(r => r.Path.EndsWith("/create_user"));
        var shown = Assert.Single(preview);
        Assert.Equal(sent.Body.Replace(Uri.EscapeDataString(Emulator.ApiKey), "***"), shown.Body!.Replace("%2A%2A%2A", "***"));
        Assert.DoesNotContain(Emulator.ApiKey, shown.ToString());
        Assert.Contains("api_key=", shown.Body);

        var silent = Row(PlanAction.Create, null, r =>
        {
            r.Changes = new[] { new FieldChange("first_name", null, "Quiet"), new FieldChange("last_name", null, "One"), new FieldChange("email", null, "quiet.one@acme.example.com") };
            r.GroupsToJoin = new[] { new GroupRef(null, "Support") };
        });
        var ids = new OrgIds();
        ids.Groups["Support"] = GroupId("Support").ToString();
        await _connector.ApplyAsync(silent, ids, CancellationToken.None);
        var quiet = StoredUser("quiet.one@acme.example.com");
        Assert.DoesNotContain(Emulator.State.SentEmails(), e => e.UserId == quiet.Id);
        Assert.Contains((int)GroupId("Support"), quiet.GroupIds);
    }

    [Fact]
    public async Task Updates_changes_groups_deactivates_and_reactivates()
    {
        var ann = StoredUser("ann.archer@acme.example.com");
        var row = Row(PlanAction.Update, ann.Id.ToString(), r =>
        {
            r.Changes = new[] { new FieldChange("title", "Account Executive", "Director") };
            r.GroupsToJoin = new[] { new GroupRef(GroupId("Support").ToString(), "Support") };
            r.GroupsToLeave = new[] { new GroupRef(GroupId("Sales").ToString(), "Sales") };
        });
        var previews = _connector.Preview(row, new OrgIds());
        _wire.Clear();
        await _connector.ApplyAsync(row, new OrgIds(), CancellationToken.None);
        ann = StoredUser("ann.archer@acme.example.com");
        Assert.Equal("Director", ann.Title);
        Assert.Equal(new[] { (int)GroupId("Support") }, ann.GroupIds);
        Assert.Contains((int)GroupId("Sales"), StoredUser("cy.chen@acme.example.com").GroupIds);
        Assert.Equal(previews.Select(p => p.Path), _wire.Requests.Select(r => r.Path.Substring(r.Path.IndexOf("/admin/api/", StringComparison.Ordinal))));

        await _connector.ApplyAsync(Row(PlanAction.Deactivate, ann.Id.ToString()), new OrgIds(), CancellationToken.None);
        Assert.False(StoredUser("ann.archer@acme.example.com").Active);
        var di = StoredUser("di.doyle@acme.example.com");
        await _connector.ApplyAsync(Row(PlanAction.Reactivate, di.Id.ToString(), r => r.Changes = new[] { new FieldChange("company", "Acme", "Acme Ltd") }), new OrgIds(), CancellationToken.None);
        Assert.True(StoredUser("di.doyle@acme.example.com").Active);
        Assert.Equal("Acme Ltd", StoredUser("di.doyle@acme.example.com").Company);

        var group = await _connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateGroup, null, "New hires", null, "new"), CancellationToken.None);
        Assert.Equal(group, GroupId("New hires").ToString());
        var refused = await Assert.ThrowsAsync<LmsConnectorException>(() => _connector.ApplyAsync(new OrgChange(OrgChangeKind.CreateDepartment, null, "Sales", null, "x"), CancellationToken.None));
        Assert.Contains("no departments", refused.Message);
    }

    [Fact]
    public async Task A_duplicate_carries_SkyPreps_text_and_a_bad_key_is_authentication()
    {
        var duplicate = Row(PlanAction.Create, null, r => r.Changes = new[] { new FieldChange("first_name", null, "A"), new FieldChange("last_name", null, "B"), new FieldChange("email", null, "ann.archer@acme.example.com") });
        var error = await Assert.ThrowsAsync<LmsConnectorException>(() => _connector.ApplyAsync(duplicate, new OrgIds(), CancellationToken.None));
        Assert.Equal(409, error.StatusCode);
        Assert.False(error.IsAuthentication || error.IsTransient);
        Assert.Contains(((LmsSync.Core.Lms.SkyPrep.SkyPrepException)error.InnerException!).LmsMessage!, error.Message);

        using var wrong = Connector(o => o.ApiKey = Secure("0123456789abcdef0123456789abcdef"));
        var refused = await Assert.ThrowsAsync<LmsConnectorException>(() => wrong.CheckAsync(CancellationToken.None));
        Assert.True(refused.IsAuthentication);
        Assert.Contains("API key", refused.Message);
    }

    [Fact]
    public async Task Converges_a_second_pass_writes_nothing()
    {
        var mapping = LmsFieldCatalog.DefaultMapping(LmsKind.SkyPrep);
        mapping.Groups = new GroupMapping("Division");
        var users = new[]
        {
            Sf.Record("005000000000001AAA", ("FirstName", "Ann"), ("LastName", "Archer"), ("Email", "ann.archer@acme.example.com"), ("Title", "VP"), ("CompanyName", "Acme"), ("Division", "Sales"), ("IsActive", true)),
            Sf.Record(Sf.Id(21), ("FirstName", "Bo"), ("LastName", "Baker"), ("Email", "Bo.Baker@acme.example.com"), ("Title", "Support Engineer"), ("CompanyName", "Acme"), ("Division", "Support"), ("IsActive", true)),
            Sf.Person(22, division: "Sales"),
            Sf.Person(23, division: "New hires"),
        };
        var first = await ConnectorRun.PlanAsync(_connector, users, SyncState.Empty, mapping);
        Assert.Contains(first.OrgChanges, c => c.Kind == OrgChangeKind.CreateGroup && c.Name == "New hires");
        Assert.Equal(2, first.Rows.Count(r => r.Action == PlanAction.Create));
        var state = await ConnectorRun.ApplyAsync(_connector, first, SyncState.Empty);

        var writes = _connector.Calls.Writes;
        var second = await ConnectorRun.PlanAsync(_connector, users, state, mapping);
        Assert.True(second.Rows.All(r => !ConnectorRun.Applies(r) && !r.CreatesLink) && second.OrgChanges.Count == 0, ConnectorRun.Leftovers(second));
        await ConnectorRun.ApplyAsync(_connector, second, state);
        Assert.Equal(writes, _connector.Calls.Writes);
        Assert.Equal(Sf.Id(21), StoredUser("bo.baker@acme.example.com").SalesforceId);
    }

    private sealed class Progress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
