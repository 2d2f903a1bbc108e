using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Http;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Core.Tests.Engine;

/// <summary>Runs against misbehaving services: 5xx storms, an LMS that is down, expiring tokens, 429s, a broken Salesforce read, a crash.</summary>
public sealed class EngineFaultTests
{
    private const LmsKind Kind = LmsKind.ISpring;

    [Fact]
    public async Task A_5xx_storm_fails_only_the_users_it_hit_and_the_next_run_finishes_them()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user$", Method = "POST", SkipFirst = 8, Times = 5, StatusCode = 503, Body = "<html>busy</html>", ContentType = "text/html" });

        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.Equal(RunStatus.PartiallyFailed, summary.Status);
        var failed = observer.Results.Where(r => r.Status == ResultStatus.Failure).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => { Assert.Equal(PlanAction.Create, r.Action); Assert.False(string.IsNullOrWhiteSpace(r.Error)); Assert.Null(r.LmsId); });
        Assert.Equal(summary.Statuses[ResultStatus.Failure], failed.Count);
        Assert.Equal(sandbox.ISpring.Store.Snapshot().Users.Count, observer.Results.Count(r => r.Action == PlanAction.Create && r.Status == ResultStatus.Success));

        sandbox.Host.Context.Faults.Clear();
        var (again, observer2) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.True(again.Status == RunStatus.Succeeded, again.Message);
        Assert.Equal(failed.Select(r => r.SalesforceId).OrderBy(x => x), observer2.Results.Where(r => r.Action == PlanAction.Create).Select(r => r.SalesforceId).OrderBy(x => x));
    }

    [Fact]
    public async Task An_LMS_that_is_down_stops_the_run_early_as_Failed_instead_of_hammering_it()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 60);
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user$", Method = "POST", StatusCode = 503 });

        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.LmsUnavailable", summary.ErrorId);
        Assert.Contains("not attempted", summary.Message);
        Assert.True(observer.Results.Count(r => r.Status == ResultStatus.Failure) < 30, $"{observer.Results.Count} results");
    }

    [Fact]
    public async Task Refused_LMS_credentials_stop_the_run_at_once()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        var engine = sandbox.Engine(Kind, iSpring: o => o.ClientSecret = SandboxSecure("wrong-secret"));
        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
        Assert.False(string.IsNullOrWhiteSpace(summary.Message));
    }

    [Fact]
    public async Task An_LMS_token_that_expires_mid_run_is_renewed_and_every_user_is_done()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 30);
        var observer = new RecordingObserver();
        var advanced = false;
        observer.AfterResult = n => { if (n == 10 && !advanced) { advanced = true; sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(1801)); } };
        var issuedBefore = sandbox.ISpring.Auth.TokensIssued;

        var (summary, _) = await sandbox.RunAsync(sandbox.Engine(Kind), observer: observer);
        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.True(advanced);
        Assert.True(sandbox.ISpring.Auth.TokensIssued - issuedBefore >= 2);
        Assert.DoesNotContain(observer.Results, r => r.Status == ResultStatus.Failure);
    }

    [Fact]
    public async Task Bursts_of_429_on_reads_are_waited_out_as_told_and_nothing_is_dropped()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 25);
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/", Method = "GET", SkipFirst = 1, Times = 4, StatusCode = 429, Headers = { ["Retry-After"] = "2" }, Body = "{\"code\":429,\"message\":\"Too many requests\"}" });
        var waits = new List<TimeSpan>();
        var engine = sandbox.Engine(Kind, iSpring: o => o.RetryPolicy = new RetryPolicy { Delay = (w, _) => { lock (waits) waits.Add(w); return Task.CompletedTask; } });

        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.True(summary.Retries >= 4, $"{summary.Retries} retries");
        Assert.Contains(waits, w => w >= TimeSpan.FromSeconds(2));
        Assert.Equal(summary.Actions[PlanAction.Create], sandbox.ISpring.Store.Snapshot().Users.Count);
        Assert.Equal(summary.Actions[PlanAction.Create], observer.Results.Count(r => r.Action == PlanAction.Create && r.Status == ResultStatus.Success));
    }

    [Fact]
    public async Task A_429_burst_on_creates_is_waited_out_and_nothing_is_dropped()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user$", Method = "POST", SkipFirst = 3, Times = 3, StatusCode = 429, Headers = { ["Retry-After"] = "1" }, Body = "{\"code\":429,\"message\":\"Too many requests\"}" });
        var mark = sandbox.Host.Context.Requests.Mark;

        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind));

        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.DoesNotContain(observer.Results, r => r.Status == ResultStatus.Failure);
        var creates = summary.Actions[PlanAction.Create];
        Assert.Equal(creates, sandbox.ISpring.Store.Snapshot().Users.Count);
        // Each refused create was sent once more, after the Retry-After, and created exactly one user.
        var posts = sandbox.Host.Context.Requests.Since(mark, "ispring").Where(r => r.Method == "POST" && r.Path == "/ispring/user").ToList();
        Assert.Equal(creates + 3, posts.Count);
        Assert.Equal(3, posts.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task A_429_burst_lowers_the_limit_on_requests_in_flight_says_so_and_the_run_still_completes()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 40);
        sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/user$", Method = "POST", SkipFirst = 6, Times = 4, StatusCode = 429, Headers = { ["Retry-After"] = "1" }, Body = "{\"code\":429,\"message\":\"Too many requests\"}" });
        var log = new RecordingLog();
        var engine = sandbox.Engine(Kind, iSpring: o => o.Log = log);
        var mark = sandbox.Host.Context.Requests.Mark;

        var (summary, observer) = await sandbox.RunAsync(engine);

        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        var creates = summary.Actions[PlanAction.Create];
        Assert.Equal(creates, sandbox.ISpring.Store.Snapshot().Users.Count);
        Assert.Equal(creates, observer.Results.Count(r => r.Action == PlanAction.Create && r.Status == ResultStatus.Success));
        Assert.Equal(4, sandbox.Host.Context.Requests.Since(mark, "ispring").Count(r => r.Path == "/ispring/user" && r.Status == 429));
        var limit = ((ISpringConnector)engine.Session.Lms).Concurrency;
        Assert.InRange(limit.Cuts, 1, 4);
        var cuts = log.VerboseMessages.Where(m => m.Contains("requests in flight")).ToList();
        Assert.Equal(limit.Cuts, cuts.Count);
        Assert.StartsWith("iSpring Learn: HTTP 429 (Retry-After 1 s) to POST /ispring/user; requests in flight now at most ", cuts[0]);
        Assert.Contains("(was ", cuts[0]);
    }

    [Fact]
    public async Task A_Salesforce_read_that_fails_mid_way_deactivates_nobody_and_says_why()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 450);
        var configuration = EngineSandbox.Configuration(Kind, o => o.MaxDeprovision = DeprovisionLimit.Percent(100));
        var (first, _) = await sandbox.RunAsync(sandbox.Engine(Kind, configuration));
        Assert.True(first.Status == RunStatus.Succeeded, first.Message);

        // Every queryMore fails (after the client's retries): only the first page arrives.
        sandbox.Host.Context.Faults.Add(sandbox.Salesforce.Faults.ServerError(LmsSync.Sandbox.Salesforce.Admin.SalesforceRoutes.QueryMore, times: null));
        var engine = new SyncEngine(new SyncSession("test", SmallPages(sandbox), sandbox.Connector(Kind), configuration, sandbox.Paths));
        // A full read (the second run would otherwise read only what changed since the first, one page).
        var (summary, observer) = await sandbox.RunAsync(engine, new RunRequest { Full = true });
        Assert.Equal(ReadMode.Full, summary.Mode);
        Assert.False(summary.SalesforceReadComplete);
        Assert.Equal(RunStatus.PartiallyFailed, summary.Status);
        Assert.Contains("Nobody was deactivated", summary.Message);
        Assert.DoesNotContain(observer.Results, r => r.Action == PlanAction.Deactivate);
        Assert.Equal(0, summary.WriteCalls);
        Assert.True(summary.SalesforceUsersRead < 450);
    }

    [Fact]
    public async Task A_run_stopped_after_some_writes_then_a_normal_run_converges_without_duplicates_or_lost_links()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 40);
        using var cts = new CancellationTokenSource();
        var observer = new RecordingObserver { AfterResult = n => { if (n == 12) cts.Cancel(); } };
        var (stopped, _) = await sandbox.RunAsync(sandbox.Engine(Kind), observer: observer, ct: cts.Token);
        Assert.Equal(RunStatus.Cancelled, stopped.Status);
        Assert.Contains("not attempted", stopped.Message);
        var createdBeforeCrash = sandbox.ISpring.Store.Snapshot().Users.Count;
        Assert.InRange(createdBeforeCrash, 1, 39);

        // A hard crash loses the end-of-run save: put the state back as it was before the run (none).
        File.Delete(sandbox.Paths.State);

        var (resumed, _) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.True(resumed.Status == RunStatus.Succeeded, resumed.Message);
        var users = sandbox.ISpring.Store.Snapshot().Users;
        Assert.Equal(users.Count, users.Select(u => u.Email.ToLowerInvariant()).Distinct().Count());
        var links = StateFile.Load(sandbox.Paths.State).Links;
        Assert.Equal(users.Count, links.Count);
        Assert.Equal(users.Select(u => u.UserId).OrderBy(x => x), links.Select(l => l.LmsId).OrderBy(x => x));

        var (noop, _) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.Equal(0, noop.WriteCalls);
    }

    private static LmsSync.Core.Salesforce.SalesforceClient SmallPages(EngineSandbox sandbox) => new(new LmsSync.Core.Salesforce.SalesforceSettings
    {
        LoginUrl = sandbox.Host.BaseUrl,
        ClientId = sandbox.Salesforce.Credentials.ClientId,
        Credential = new LmsSync.Core.Salesforce.Auth.ClientCredentialsCredential(SandboxSecure(sandbox.Salesforce.Credentials.ClientSecret)),
        RetryPolicy = EngineSandbox.NoSleep(),
        BatchSize = 200,
    });

    private static System.Security.SecureString SandboxSecure(string text) => LmsSync.Core.Storage.SecureStrings.FromPlain(text);
}
