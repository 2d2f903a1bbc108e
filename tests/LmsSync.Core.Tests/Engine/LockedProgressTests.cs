using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// Progress from the two reads' threads: the observer is called one report at a time, every stage's latest report
/// reaches it, and a reporter never waits for another's observer call.
/// </summary>
public sealed class LockedProgressTests
{
    [Fact]
    public async Task A_reporter_does_not_wait_while_another_report_is_being_passed_on_and_its_report_follows()
    {
        using var inObserver = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var seen = new List<string>();
        var progress = new LockedProgress(p =>
        {
            seen.Add(p.ToString());
            if (p.Stage == SyncProgress.ReadingSalesforce && p.Done == 0)
            {
                inObserver.Set();
                release.Wait();
            }
        });

        var first = Task.Run(() => progress.Report(new SyncProgress(SyncProgress.ReadingSalesforce, 0, 10)));
        Assert.True(inObserver.Wait(TimeSpan.FromSeconds(30)));
        // The observer is busy with the first report: these return at once (with a lock they would wait for the release).
        var second = Task.Run(() =>
        {
            progress.Report(new SyncProgress(SyncProgress.ReadingLms, 100, null));
            progress.Report(new SyncProgress(SyncProgress.ReadingLms, 200, null));
            progress.Report(new SyncProgress(SyncProgress.ReadingSalesforce, 10, 10));
        });
        Assert.Same(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(new[] { "Reading Salesforce: 0/10" }, seen);

        release.Set();
        await first;
        // Passed on by the first reporter before it let go: each stage's latest (the LMS read's 100 replaced by its 200).
        Assert.Equal("Reading Salesforce: 0/10", seen[0]);
        Assert.Equal(new[] { "Reading LMS: 200", "Reading Salesforce: 10/10" }, seen.Skip(1).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_from_many_threads_reach_the_observer_one_at_a_time_and_each_stage_ends_on_its_last_report()
    {
        var inCall = 0;
        var overlapped = false;
        var fellBack = false;
        var last = new Dictionary<string, int>();
        var progress = new LockedProgress(p =>
        {
            if (Interlocked.Increment(ref inCall) > 1) overlapped = true;
            // Each thread reports its own stage in rising order, so a stage's counts never go down at the observer.
            if (last.TryGetValue(p.Stage, out var before) && p.Done < before) fellBack = true;
            last[p.Stage] = p.Done;
            Thread.SpinWait(50);
            Interlocked.Decrement(ref inCall);
        });
        var stages = new[] { SyncProgress.ReadingSalesforce, SyncProgress.ReadingLms, SyncProgress.Planning, SyncProgress.Applying };

        Parallel.ForEach(stages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, stage =>
        {
            for (var done = 1; done <= 20_000; done++) progress.Report(new SyncProgress(stage, done, 20_000));
        });

        Assert.False(overlapped);
        Assert.False(fellBack);
        Assert.Equal(stages.OrderBy(s => s), last.Keys.OrderBy(s => s));
        Assert.All(last.Values, done => Assert.Equal(20_000, done));
    }
}
