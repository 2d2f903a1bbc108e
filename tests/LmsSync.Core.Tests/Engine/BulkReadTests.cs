using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Profiles;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Salesforce.Admin;

namespace LmsSync.Core.Tests.Engine;

/// <summary>The engine's choice between REST and Bulk API 2.0 for a full read (BulkQueryThreshold), seen in the Sandbox's request log.</summary>
public sealed class EngineBulkReadTests
{
    private const LmsKind Kind = LmsKind.ISpring;
    private const int Users = 60;

    private static int BulkCreates(EngineSandbox sandbox) =>
        sandbox.Host.Context.Requests.Since(0, "salesforce").Count(r => r.Method == "POST" && r.Path.EndsWith("/jobs/query", StringComparison.Ordinal));

    private static int RestUserReads(EngineSandbox sandbox) =>
        sandbox.Host.Context.Requests.Since(0, "salesforce").Count(r => r.Path.Contains("/query?q=", StringComparison.Ordinal) &&
            Uri.UnescapeDataString(r.Path.Replace('+', ' ')).Contains("SELECT Id, IsActive", StringComparison.Ordinal));

    private static async Task<(RunSummary Summary, RecordingLog Log)> RunAsync(EngineSandbox sandbox, int threshold)
    {
        var log = new RecordingLog();
        var configuration = EngineSandbox.Configuration(Kind, o => o.BulkQueryThreshold = threshold);
        var (summary, observer) = await sandbox.RunAsync(sandbox.Engine(Kind, configuration, log: log));
        Assert.True(summary.Status == RunStatus.Succeeded, summary.Message + " " + string.Join("; ", observer.Results.Where(r => r.Status == ResultStatus.Failure)));
        return (summary, log);
    }

    [Fact]
    public async Task A_full_read_at_or_above_the_threshold_goes_through_bulk_and_syncs_everyone()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);
        var expected = sandbox.Salesforce.Org.Rows("User").Count(r => (string?)r["UserType"] == "Standard");

        var (run, log) = await RunAsync(sandbox, threshold: 10);

        Assert.Equal(1, BulkCreates(sandbox));
        Assert.Equal(0, RestUserReads(sandbox));
        Assert.Equal(expected, run.SalesforceUsersRead);
        Assert.True(run.SalesforceReadComplete);
        Assert.True(run.Actions.TryGetValue(PlanAction.Create, out var created) && created > 0);
        Assert.Contains(log.VerboseMessages, m => m.Contains("Full read through Bulk API 2.0") && m.Contains("BulkQueryThreshold (10)"));
        Assert.Empty(sandbox.Salesforce.BulkJobs.All()); // deleted after download
    }

    [Fact]
    public async Task Below_the_threshold_the_read_stays_on_REST()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);

        var (_, log) = await RunAsync(sandbox, threshold: 10_000);

        Assert.Equal(0, BulkCreates(sandbox));
        Assert.Equal(1, RestUserReads(sandbox));
        Assert.Contains(log.VerboseMessages, m => m.Contains("below BulkQueryThreshold (10000)"));
    }

    [Fact]
    public async Task Threshold_zero_never_uses_bulk_and_makes_no_count()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);

        await RunAsync(sandbox, threshold: 0);

        Assert.Equal(0, BulkCreates(sandbox));
        Assert.Equal(1, RestUserReads(sandbox));
        Assert.DoesNotContain(sandbox.Host.Context.Requests.Since(0, "salesforce"), r => Uri.UnescapeDataString(r.Path).Contains("COUNT()", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_org_refuses_bulk_the_read_falls_back_to_REST_with_a_warning()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);
        sandbox.Host.Context.Faults.Add(new FaultRule
        {
            Method = "POST", PathPattern = SalesforceRoutes.BulkQuery, Times = 1, Kind = FaultKind.Status, StatusCode = 403,
            ContentType = "application/json", Body = "[{\"message\":\"API is not enabled for this Organization or Partner\",\"errorCode\":\"API_DISABLED_FOR_ORG\"}]",
        });

        var (run, log) = await RunAsync(sandbox, threshold: 10);

        Assert.Equal(1, BulkCreates(sandbox));
        Assert.Equal(1, RestUserReads(sandbox));
        Assert.True(run.SalesforceUsersRead > 10);
        Assert.Contains(log.Warnings, w => w.Contains("API_DISABLED_FOR_ORG") && w.Contains("REST"));
    }

    [Fact]
    public async Task A_preview_reads_everyone_through_the_bulk_job_it_opened_while_the_state_was_parsed()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);
        var expected = sandbox.Salesforce.Org.Rows("User").Count(r => (string?)r["UserType"] == "Standard");
        var engine = sandbox.Engine(Kind, EngineSandbox.Configuration(Kind, o => o.BulkQueryThreshold = 10));

        var preview = await engine.PreviewAsync(new PreviewRequest(), null, CancellationToken.None);

        Assert.True(preview.SalesforceReadComplete);
        Assert.Equal(expected, preview.Plan.Rows.Count(r => r.SalesforceId != null));
        Assert.Equal(1, BulkCreates(sandbox));
        Assert.Equal(0, RestUserReads(sandbox));
        Assert.Empty(sandbox.Salesforce.BulkJobs.All()); // deleted after download
    }

    [Fact]
    public async Task A_preview_that_fails_after_its_bulk_job_was_opened_leaves_no_job_behind()
    {
        await using var sandbox = await EngineSandbox.StartAsync(Users);
        // The LMS check fails late: by then the Bulk job has been opened (created, and most likely done).
        sandbox.Host.Context.Faults.Add(new FaultRule
        {
            PathPattern = "^/ispring/user/profile/fields$", DelayMs = 5000, Kind = FaultKind.Status, StatusCode = 403,
            Body = "{\"code\":403,\"message\":\"Access denied\"}",
        });
        var engine = sandbox.Engine(Kind, EngineSandbox.Configuration(Kind, o => o.BulkQueryThreshold = 10));

        await Assert.ThrowsAnyAsync<Exception>(() => engine.PreviewAsync(new PreviewRequest(), null, CancellationToken.None));

        Assert.Equal(1, BulkCreates(sandbox));
        Assert.Equal(0, sandbox.Host.Context.Requests.Since(0, "salesforce").Count(r => r.Path.Contains("/results", StringComparison.Ordinal)));
        // Deleted when it was done, aborted when it was still running: never left to run or to wait for seven days.
        Assert.All(sandbox.Salesforce.BulkJobs.All(), job => Assert.Equal("Aborted", job.State));
    }

    [Fact]
    public void The_threshold_defaults_to_50000_is_shown_and_set_with_the_other_options_and_cannot_be_negative()
    {
        var configuration = EngineSandbox.Configuration(Kind);
        Assert.Equal(50_000, OptionSettings.From(configuration).BulkQueryThreshold);

        new OptionSettings { BulkQueryThreshold = 0 }.ApplyTo(configuration);
        Assert.Equal(0, configuration.Options.BulkQueryThreshold);
        new OptionSettings { Enabled = true }.ApplyTo(configuration);
        Assert.Equal(0, configuration.Options.BulkQueryThreshold);
        Assert.Throws<ArgumentException>(() => new OptionSettings { BulkQueryThreshold = -1 }.ApplyTo(configuration));
    }
}
