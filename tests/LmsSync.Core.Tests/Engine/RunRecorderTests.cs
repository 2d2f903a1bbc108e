using System;
using System.IO;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>The periodic state save during a run: it protects links the run adds, and its interval grows with them.</summary>
public sealed class RunRecorderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lmssync-recorder-" + Guid.NewGuid().ToString("N"));
    private int _saves;

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private RunRecorder Recorder(int saveEvery) =>
        new("run-1", new ProfilePaths(_folder), new RecordingObserver(), () => _saves++, saveEvery, total: null);

    private static PlanRow Row(PlanAction action, int n, bool createsLink)
    {
        var row = new PlanRow(action, "005" + n.ToString("D15"), "lms-" + n, "User " + n, $"user{n}@acme.example") { CreatesLink = createsLink };
        return row;
    }

    private static void Record(RunRecorder recorder, PlanRow row, ResultStatus status = ResultStatus.Success) =>
        recorder.Result(ResultFactory.For("run-1", row, status, DateTimeOffset.UtcNow, row.LmsId), row);

    [Fact]
    public void Updates_of_linked_users_and_failed_creates_never_trigger_a_save()
    {
        var recorder = Recorder(saveEvery: 10);

        for (var i = 0; i < 100; i++) Record(recorder, Row(PlanAction.Update, i, createsLink: false));
        for (var i = 100; i < 150; i++) Record(recorder, Row(PlanAction.Create, i, createsLink: true), ResultStatus.Failure);

        Assert.Equal(0, _saves);
    }

    [Fact]
    public void Links_added_are_saved_every_saveEvery_then_every_tenth_of_those_so_far()
    {
        var recorder = Recorder(saveEvery: 10);

        for (var i = 0; i < 30; i++) Record(recorder, Row(PlanAction.Create, i, createsLink: true));
        var early = _saves;
        for (var i = 30; i < 1000; i++) Record(recorder, Row(PlanAction.Create, i, createsLink: true));

        Assert.Equal(3, early);
        // 100 saves at a fixed interval of 10; growing with the links (a tenth of those so far), far fewer.
        Assert.InRange(_saves, 20, 40);
    }
}
