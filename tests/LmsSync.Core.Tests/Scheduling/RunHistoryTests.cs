using System;
using System.IO;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Tests.Scheduling;

public sealed class RunHistoryTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-hist-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_last_run_is_the_last_complete_line_and_a_torn_line_after_it_is_ignored()
    {
        var paths = new LmsSyncPaths(_root);
        var file = RunHistoryFile.PathFor(paths.Profile("acme"));
        Assert.Equal(Path.Combine(paths.Profile("acme").Folder, "history.jsonl"), file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file,
            "{\"RunId\":\"r1\",\"Started\":\"2026-03-01T02:00:00+00:00\",\"Ended\":\"2026-03-01T02:03:00+00:00\",\"Status\":\"Succeeded\",\"Created\":12}\n" +
            "{\"RunId\":\"r2\",\"Started\":\"2026-03-02T02:00:00+00:00\",\"Status\":\"PartiallyFailed\"}\n" +
            "{\"RunId\":\"r3\",\"Sta");

        var last = new RunHistoryFile(paths).LastRun("acme")!;

        Assert.Equal(("r2", new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), (DateTimeOffset?)null, RunStatus.PartiallyFailed), (last.RunId, last.Started, last.Ended, last.Status));
    }

    [Fact]
    public void A_profile_without_history_has_no_last_run() => Assert.Null(new RunHistoryFile(new LmsSyncPaths(_root)).LastRun("acme"));

    [Theory]
    [InlineData(RunStatus.Succeeded, 0)]
    [InlineData(RunStatus.Failed, 1)]
    [InlineData(RunStatus.PartiallyFailed, 2)]
    [InlineData(RunStatus.BlockedByDeprovisionGuard, 3)]
    [InlineData(RunStatus.Disabled, 4)]
    public void Each_run_status_has_its_documented_exit_code(RunStatus status, int code) => Assert.Equal(code, (int)ScheduleExitCodes.For(status));
}
