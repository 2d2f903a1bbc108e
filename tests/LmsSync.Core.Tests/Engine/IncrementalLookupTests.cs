using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Salesforce;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// Incremental runs against a connector that can look users up read only the LMS users that could match the changed
/// Salesforce users (filtered list calls), and plan exactly the rows a full read would give those users.
/// </summary>
public sealed class EngineIncrementalLookupTests
{
    public static TheoryData<LmsKind> LookupKinds => new() { LmsKind.ISpring, LmsKind.Scim };

    private static SyncEngine Engine(EngineSandbox sandbox, LmsKind kind, SyncConfiguration configuration, RecordingLog? log = null) =>
        new(new SyncSession("test", sandbox.SalesforceClient(), sandbox.Connector(kind), configuration, sandbox.Paths, sandbox.Clock, log));

    private static async Task FullFirstRunAsync(EngineSandbox sandbox, LmsKind kind, SyncConfiguration configuration)
    {
        var (first, observer) = await sandbox.RunAsync(Engine(sandbox, kind, configuration));
        Assert.True(first.Status == RunStatus.Succeeded, first.Message + " " + string.Join("; ", observer.Results.Where(r => r.Status == ResultStatus.Failure)));
        Assert.Equal(ReadMode.Full, first.Mode);
        // Changes made from here on carry a later SystemModstamp than anything the first run read.
        sandbox.Host.Context.Clock.Advance(TimeSpan.FromMinutes(30));
    }

    private static List<string> LinkedUsers(EngineSandbox sandbox, int count)
    {
        var integrationUser = OrgUsers.FindByUsername(sandbox.Salesforce.Org, sandbox.Salesforce.Credentials.Username)?.Id;
        return StateFile.Load(sandbox.Paths.State).Links.Select(l => l.SalesforceId).Where(id => id != integrationUser).Take(count).ToList();
    }

    /// <summary>
    /// Requests that list LMS users (filtered or not): iSpring <c>/users/v2</c>, <c>/user</c>, <c>/user/list</c>; SCIM <c>GET /Users?</c>
    /// except the connection check's <c>count=0</c>, which returns no users.
    /// </summary>
    private static List<LoggedRequest> UserListReads(EngineSandbox sandbox, LmsKind kind, long mark) =>
        sandbox.Host.Context.Requests.Since(mark, kind == LmsKind.ISpring ? "ispring" : "scim").Where(r => kind == LmsKind.ISpring
            ? r.Path.Contains("/users/v2", StringComparison.Ordinal) || r.Path.Contains("/user?", StringComparison.Ordinal) || r.Path.EndsWith("/user/list", StringComparison.Ordinal)
            : r.Method == "GET" && r.Path.Contains("/Users?", StringComparison.Ordinal) && !r.Path.Contains("count=0", StringComparison.Ordinal)).ToList();

    private static bool Filtered(LoggedRequest request, LmsKind kind)
    {
        var path = Uri.UnescapeDataString(request.Path);
        return kind == LmsKind.ISpring
            ? request.Method == "POST" || path.Contains("userIds[]=", StringComparison.Ordinal) || path.Contains("emails[]=", StringComparison.Ordinal) || path.Contains("logins[]=", StringComparison.Ordinal)
            : path.Contains("filter=", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LookupKinds))]
    public async Task An_incremental_run_reads_only_the_LMS_users_it_needs_and_its_changes_land(LmsKind kind)
    {
        // Large enough that the few changed users are under one in LookupKeys.ManagedUsersPerChangedUser.
        await using var sandbox = await EngineSandbox.StartAsync(users: 200);
        var configuration = EngineSandbox.Configuration(kind);
        await FullFirstRunAsync(sandbox, kind, configuration);
        var changed = LinkedUsers(sandbox, 4);
        foreach (var id in changed) sandbox.Salesforce.UpdateUser(id, new Dictionary<string, object?> { ["Title"] = "Changed " + id });

        var mark = sandbox.Host.Context.Requests.Mark;
        var log = new RecordingLog();
        var (run, observer) = await sandbox.RunAsync(Engine(sandbox, kind, configuration, log));
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        Assert.Contains(log.VerboseMessages, m => m.StartsWith("LMS lookup: ", StringComparison.Ordinal) && m.Contains(" LMS users found for ", StringComparison.Ordinal));
        var written = observer.Results.Where(r => r.Action != PlanAction.NoChange && r.Action != PlanAction.Skip).ToList();
        Assert.Equal(changed.OrderBy(x => x), written.Select(r => r.SalesforceId!).OrderBy(x => x));
        Assert.All(written, r => Assert.True(r.Action == PlanAction.Update && r.Status == ResultStatus.Success, r.ToString()));

        // A handful of users read: every user list is filtered, one request per key kind (iSpring) or per filter chunk (SCIM),
        // never a page of the whole LMS (the full run read 200 users).
        var reads = UserListReads(sandbox, kind, mark);
        Assert.True(run.SalesforceUsersRead < 20, $"{run.SalesforceUsersRead} Salesforce users read");
        Assert.All(reads, r => Assert.True(Filtered(r, kind), "unfiltered user list: " + r.Method + " " + r.Path));
        Assert.InRange(reads.Count, 1, kind == LmsKind.ISpring ? 3 : 1);

        // The changes landed exactly as a full run would want them: a full run now writes nothing.
        var (full, fullObserver) = await sandbox.RunAsync(Engine(sandbox, kind, configuration), new RunRequest { Full = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Message);
        Assert.Equal(ReadMode.Full, full.Mode);
        Assert.True(full.WriteCalls == 0, string.Join("; ", fullObserver.Results.Where(r => r.Action != PlanAction.NoChange && r.Action != PlanAction.Skip)));
        Assert.Contains(UserListReads(sandbox, kind, mark), r => !Filtered(r, kind)); // the full run did read everyone
    }

    [Theory]
    [MemberData(nameof(LookupKinds))]
    public async Task The_lookups_go_out_while_the_groups_are_still_being_read(LmsKind kind)
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 200);
        var configuration = EngineSandbox.Configuration(kind);
        await FullFirstRunAsync(sandbox, kind, configuration);
        foreach (var id in LinkedUsers(sandbox, 3)) sandbox.Salesforce.UpdateUser(id, new Dictionary<string, object?> { ["Title"] = "Changed " + id });
        // The group list answers late; the users' lookups need nothing from it, so they must not wait for it.
        var groups = kind == LmsKind.ISpring ? "^/ispring/groups" : "^/scim/v2/Groups";
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = groups, Method = "GET", Kind = FaultKind.None, DelayMs = 3000 });

        var mark = sandbox.Host.Context.Requests.Mark;
        var (run, _) = await sandbox.RunAsync(Engine(sandbox, kind, configuration));

        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        // The log has each request when it was answered: the first lookup was answered before the group list.
        var groupRead = sandbox.Host.Context.Requests.Since(mark).First(r => System.Text.RegularExpressions.Regex.IsMatch(r.Path, groups));
        var firstLookup = UserListReads(sandbox, kind, mark).First(r => Filtered(r, kind));
        Assert.True(firstLookup.Sequence < groupRead.Sequence, $"lookup #{firstLookup.Sequence}, groups #{groupRead.Sequence}");
    }

    [Theory]
    [MemberData(nameof(LookupKinds))]
    public async Task The_rows_planned_from_a_lookup_are_the_rows_a_full_read_gives_the_same_users(LmsKind kind)
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 200);
        // Departments the integration created are deleted when empty: a partial snapshot must not make them look empty.
        var configuration = EngineSandbox.Configuration(kind, o => o.DeleteEmptyDepartments = true);
        await FullFirstRunAsync(sandbox, kind, configuration);
        var linked = LinkedUsers(sandbox, 3);

        // Two LMS users nobody linked, added by hand.
        var strangers = AddUnlinkedLmsUsers(sandbox, kind, 2);
        // A linked user's new email is a stranger's: an identity collision, seen only if the stranger is fetched.
        sandbox.Salesforce.UpdateUser(linked[0], new Dictionary<string, object?> { ["Email"] = strangers[0] });
        // An unlinked Salesforce user made active with the other stranger's email: matched by email, not created.
        var revived = UnlinkedInactiveUser(sandbox);
        sandbox.Salesforce.UpdateUser(revived, new Dictionary<string, object?> { ["IsActive"] = true, ["Email"] = strangers[1] });
        // And two plain changes.
        foreach (var id in linked.Skip(1)) sandbox.Salesforce.UpdateUser(id, new Dictionary<string, object?> { ["Title"] = "Changed " + id });

        var engine = Engine(sandbox, kind, configuration);
        await engine.Session.Lms.CheckAsync(default);
        var stored = StateFile.Load(sandbox.Paths.State);
        var scope = ReadScope.Decide(new RunRequest(), stored, configuration, SourceReader.ReadsGroups(configuration), sandbox.Clock.UtcNow);
        Assert.Equal(ReadMode.Incremental, scope.Mode);

        var incremental = await PlanContext.BuildAsync(engine.Session, stored.ToSyncState(), null, default, scope);
        var full = await PlanContext.BuildAsync(engine.Session, stored.ToSyncState(), null, default, ReadScope.Full("the reference plan"));
        Assert.False(incremental.Lms.UsersComplete);
        Assert.True(full.Lms.UsersComplete);
        Assert.True(incremental.Lms.Users.Count < full.Lms.Users.Count / 2, $"{incremental.Lms.Users.Count} of {full.Lms.Users.Count} LMS users fetched");

        var read = incremental.Source.Users.Select(u => u.SalesforceId).ToList();
        Assert.Contains(linked[0], read);
        Assert.Contains(revived, read);
        foreach (var id in read)
        {
            var expected = Assert.Single(full.RowsFor(new[] { id }));
            var actual = Assert.Single(incremental.RowsFor(new[] { id }));
            Assert.Equal(Describe(expected), Describe(actual));
        }
        Assert.Equal(PlanAction.Disputed, Assert.Single(full.RowsFor(new[] { linked[0] })).Action);
        var match = Assert.Single(full.RowsFor(new[] { revived }));
        Assert.True(match.Action != PlanAction.Create && match.MatchedBy == MatchMethod.Email, Describe(match));
        // Nothing outside the users read: no missing-user rows, stale links or department deletions from a partial LMS.
        Assert.Equal(read.Count, incremental.Plan.Rows.Count);
        Assert.Empty(incremental.Plan.StaleLinks);
        Assert.DoesNotContain(incremental.Plan.OrgChanges, c => c.Kind == OrgChangeKind.DeleteDepartment);
        if (kind == LmsKind.ISpring) Assert.NotEmpty(stored.CreatedDepartmentIds);
        Assert.Equal(stored.Links.Count, incremental.Plan.Summary.ManagedUsers);
    }

    [Theory]
    [MemberData(nameof(LookupKinds))]
    public async Task When_many_users_changed_an_incremental_run_reads_every_LMS_user_instead_of_looking_them_up(LmsKind kind)
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 60);
        var configuration = EngineSandbox.Configuration(kind);
        await FullFirstRunAsync(sandbox, kind, configuration);
        var changed = LinkedUsers(sandbox, 4); // 4 of ~50 managed users: more than one in 20
        Assert.True(changed.Count * LookupKeys.ManagedUsersPerChangedUser > StateFile.Load(sandbox.Paths.State).Links.Count);
        foreach (var id in changed) sandbox.Salesforce.UpdateUser(id, new Dictionary<string, object?> { ["Title"] = "Changed " + id });

        var mark = sandbox.Host.Context.Requests.Mark;
        var log = new RecordingLog();
        var (run, observer) = await sandbox.RunAsync(Engine(sandbox, kind, configuration, log));
        Assert.True(run.Status == RunStatus.Succeeded, run.Message);
        Assert.Equal(ReadMode.Incremental, run.Mode);
        Assert.Contains(log.VerboseMessages, m => m.StartsWith("LMS lookup: all ", StringComparison.Ordinal) && m.Contains("more than one in 20", StringComparison.Ordinal));
        Assert.Equal(changed.Count, observer.Results.Count(r => r.Action == PlanAction.Update && r.Status == ResultStatus.Success));
        var reads = UserListReads(sandbox, kind, mark);
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.False(Filtered(r, kind), "filtered user list: " + r.Path));
    }

    private static string Describe(PlanRow row) =>
        $"{row.Action} lms={row.LmsId} by={row.MatchedBy} link={row.CreatesLink} reason={row.Reason} " +
        $"changes=[{string.Join(", ", row.Changes.Select(c => $"{c.Field}:{c.Old}->{c.New}"))}] dept={row.DepartmentChange?.ToName} " +
        $"join=[{string.Join(",", row.GroupsToJoin.Select(g => g.Name))}] leave=[{string.Join(",", row.GroupsToLeave.Select(g => g.Name))}] " +
        $"disputed=[{string.Join(",", row.DisputedCandidates)}]";

    /// <summary>Adds LMS users the integration never saw; returns their emails.</summary>
    private static List<string> AddUnlinkedLmsUsers(EngineSandbox sandbox, LmsKind kind, int count)
    {
        if (kind == LmsKind.ISpring)
            return sandbox.ISpring.Store.AddLearners(count).Select(id => sandbox.ISpring.Store.GetUser(id).User.Email).ToList();
        var scim = sandbox.Host.Emulator<ScimEmulator>();
        var before = scim.Snapshot().Users.Count;
        scim.SeedUsers(count, "stranger");
        return scim.Snapshot().Users.Skip(before).Select(u => (string)u["userName"]!).ToList();
    }

    /// <summary>An inactive standard Salesforce user the full run skipped, so no link exists for it.</summary>
    private static string UnlinkedInactiveUser(EngineSandbox sandbox)
    {
        var linked = new HashSet<string>(StateFile.Load(sandbox.Paths.State).Links.Select(l => l.SalesforceId));
        return sandbox.Salesforce.Org.Rows("User").First(r => r["IsActive"] is false && (r["UserType"] as string ?? "Standard") == "Standard" && !linked.Contains(r.Id)).Id;
    }
}
