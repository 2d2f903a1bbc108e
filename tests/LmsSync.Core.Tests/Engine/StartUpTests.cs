using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using LmsSync.Sandbox.Diagnostics;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// A run's start: the state is parsed while the LMS is checked and Salesforce described (at the same time), and the
/// whole-LMS read may start before the describe ends. What went first before must still decide the outcome: a corrupt
/// state file over everything, the LMS check's failure over the describe's, an invalid profile before any Salesforce
/// read or any write.
/// </summary>
public sealed class EngineStartUpTests
{
    private const LmsKind Kind = LmsKind.ISpring;
    private static readonly byte[] BrokenState = System.Text.Encoding.UTF8.GetBytes("{ \"Version\": 1, \"Links\": [ { \"SalesforceId\": \"005x\" ");

    [Fact]
    public async Task The_LMS_check_comes_before_the_LMS_read_and_the_describe_before_the_Salesforce_read_and_both_before_any_write()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message);
        Assert.Contains(observer.Results, r => r.Action == PlanAction.Create);

        var requests = sandbox.Host.Context.Requests.Since(0);
        long First(Func<LoggedRequest, bool> which) => requests.Where(which).Select(r => r.Sequence).DefaultIfEmpty(long.MaxValue).Min();
        var describe = First(r => r.Emulator == "salesforce" && r.Path.EndsWith("/sobjects/User/describe", StringComparison.Ordinal));
        var lmsCheck = First(r => r.Emulator == "ispring" && r.Path == "/ispring/user/profile/fields");
        var salesforceRead = First(r => r.Emulator == "salesforce" && (r.Path.Contains("/query", StringComparison.Ordinal) || r.Path.Contains("/jobs/query", StringComparison.Ordinal)));
        var lmsRead = First(r => r.Emulator == "ispring" && r.Path.StartsWith("/ispring/users/v2", StringComparison.Ordinal));
        var firstWrite = First(r => r.Emulator == "ispring" && r.Method != "GET" && !r.Path.EndsWith("/token", StringComparison.Ordinal) && r.Path != "/ispring/user/list");
        Assert.NotEqual(long.MaxValue, describe);
        Assert.NotEqual(long.MaxValue, lmsCheck);
        Assert.NotEqual(long.MaxValue, firstWrite);
        Assert.True(lmsCheck < lmsRead, $"LMS check {lmsCheck}, first LMS user page {lmsRead}");
        Assert.True(describe < salesforceRead, $"describe {describe}, first Salesforce query {salesforceRead}");
        Assert.True(describe < firstWrite && lmsCheck < firstWrite, $"describe {describe}, LMS check {lmsCheck}, first write {firstWrite}");
    }

    [Fact]
    public async Task An_invalid_profile_fails_as_ProfileInvalid_before_any_Salesforce_read_or_write()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        var configuration = EngineSandbox.Configuration(Kind);
        configuration.Mapping.Fields.Add(new FieldMapping("job_title", "NoSuchField__c"));
        var engine = sandbox.Engine(Kind, configuration);

        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.ProfileInvalid", summary.ErrorId);
        Assert.Contains("NoSuchField__c", summary.Message);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
        // Salesforce is read only after the profile is found valid.
        Assert.DoesNotContain(sandbox.Host.Context.Requests.Since(0, "salesforce"), r => r.Path.Contains("/query", StringComparison.Ordinal));
        // Allowed: the LMS check and the start of the whole-LMS read (it needs only the state and the check), which the
        // failed validation cancelled — reads only.
        Assert.All(sandbox.Host.Context.Requests.Since(0, "ispring"),
            r => Assert.True(r.Method == "GET" || r.Path.EndsWith("/token", StringComparison.Ordinal), $"{r.Method} {r.Path}"));
        Assert.Empty(sandbox.ISpring.Store.Snapshot().Users);
    }

    [Fact]
    public async Task A_corrupt_state_file_is_the_failure_reported_even_when_the_LMS_check_fails_too()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        Directory.CreateDirectory(sandbox.Paths.Folder);
        File.WriteAllBytes(sandbox.Paths.State, BrokenState);
        var engine = sandbox.Engine(Kind, iSpring: o => o.ClientSecret = SecureStrings.FromPlain("wrong-secret"));

        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.StateInvalid", summary.ErrorId);
        Assert.Contains(sandbox.Paths.State, summary.Message);
        Assert.Equal(BrokenState, File.ReadAllBytes(sandbox.Paths.State));
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);

        var preview = sandbox.Engine(Kind, iSpring: o => o.ClientSecret = SecureStrings.FromPlain("wrong-secret"));
        var error = await Assert.ThrowsAsync<StateFileException>(() => preview.PreviewAsync(new PreviewRequest(), null, CancellationToken.None));
        Assert.Contains(sandbox.Paths.State, error.Message);
    }

    [Fact]
    public async Task Links_that_do_not_read_below_a_whole_header_are_still_the_failure_reported_and_nothing_is_written()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 20);
        var (first, _) = await sandbox.RunAsync(sandbox.Engine(Kind));
        Assert.True(first.Status == RunStatus.Succeeded, first.Message);
        // The header (watermark, last full run, hash) reads, so the next run chooses an incremental read from it and
        // starts reading; the links after it are cut short.
        var text = File.ReadAllText(sandbox.Paths.State);
        var broken = text.Substring(0, text.IndexOf("\"Links\"", StringComparison.Ordinal) + 40);
        File.WriteAllText(sandbox.Paths.State, broken);
        Assert.NotNull(StateFile.LoadHeader(sandbox.Paths.State));
        var engine = sandbox.Engine(Kind);

        var (summary, observer) = await sandbox.RunAsync(engine);

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.StateInvalid", summary.ErrorId);
        Assert.Equal(ReadMode.Incremental, summary.Mode);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
        Assert.Equal(broken, File.ReadAllText(sandbox.Paths.State));
    }

    [Fact]
    public async Task When_the_LMS_check_and_the_describe_both_fail_the_LMS_failure_is_reported_as_before()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        sandbox.Host.Context.Faults.Add(new FaultRule
        {
            PathPattern = "/sobjects/User/describe$", StatusCode = 404,
            Body = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]",
        });
        var engine = sandbox.Engine(Kind, iSpring: o => o.ClientSecret = SecureStrings.FromPlain("wrong-secret"));

        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.LmsAuthenticationFailed", summary.ErrorId);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
    }

    [Fact]
    public async Task A_describe_that_fails_stops_the_run_with_its_error_and_the_LMS_read_started_meanwhile_writes_nothing()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        sandbox.Host.Context.Faults.Add(new FaultRule
        {
            PathPattern = "/sobjects/User/describe$", StatusCode = 404,
            Body = "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"The requested resource does not exist\"}]",
        });
        var engine = sandbox.Engine(Kind);

        var (summary, observer) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.SalesforceFailed", summary.ErrorId);
        Assert.Empty(observer.Results);
        Assert.Equal(0, engine.Session.Lms.Calls.Writes);
        Assert.DoesNotContain(sandbox.Host.Context.Requests.Since(0, "salesforce"), r => r.Path.Contains("/query", StringComparison.Ordinal));
    }
}
