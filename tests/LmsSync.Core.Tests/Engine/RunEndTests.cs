using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>
/// The end of a run writes the results file and the state at the same time: a failure of either still fails the run
/// with SfLms.StateNotSaved, says which file, and never costs the other file its content. A run that changes no link
/// copies the links' lines from the state file it loaded.
/// </summary>
public sealed class RunEndTests
{
    private const LmsKind Kind = LmsKind.ISpring;

    [Fact]
    public async Task A_state_that_cannot_be_saved_fails_the_run_as_StateNotSaved_and_the_results_are_still_written()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        // A directory where state.json belongs: it loads as no state (a first run), and replacing it fails.
        Directory.CreateDirectory(sandbox.Paths.State);

        var engine = sandbox.Engine(Kind);
        var (summary, observer) = await sandbox.RunAsync(engine);

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.StateNotSaved", summary.ErrorId);
        Assert.Contains("state could not be saved", summary.Message);
        Assert.True(engine.Session.Lms.Calls.Writes > 0);
        Assert.True(Directory.Exists(sandbox.Paths.State));
        Assert.Empty(Directory.GetFiles(sandbox.Paths.Folder, "*.tmp"));
        // Every result the observer saw that is stored (all but no-change successes) is in the results file.
        var stored = observer.Results.Count(r => !(r.Action == PlanAction.NoChange && r.Status == ResultStatus.Success));
        Assert.True(stored > 0);
        Assert.Equal(stored, new JsonLinesFile<UserResult>(Path.Combine(sandbox.Paths.RunsFolder, summary.RunId + ".jsonl")).Read().Count());
        var history = new JsonLinesFile<RunSummary>(sandbox.Paths.HistoryFile).Read().Single();
        Assert.Equal("SfLms.StateNotSaved", history.ErrorId);
    }

    [Fact]
    public async Task A_results_file_that_cannot_be_written_fails_the_run_as_StateNotSaved_and_the_state_is_still_saved()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        // A file where the runs folder belongs: no results file can be made in it.
        Directory.CreateDirectory(sandbox.Paths.Folder);
        File.WriteAllText(sandbox.Paths.RunsFolder, "not a folder");

        var engine = sandbox.Engine(Kind);
        var (summary, _) = await sandbox.RunAsync(engine);

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Equal("SfLms.StateNotSaved", summary.ErrorId);
        Assert.Contains("results file could not be written", summary.Message);
        Assert.DoesNotContain("state could not be saved", summary.Message);
        var state = StateFile.Load(sandbox.Paths.State);
        Assert.NotEmpty(state.Links);
        Assert.Equal(summary.RunId, state.LastRuns.Last().RunId);
    }

    [Fact]
    public async Task A_run_that_changes_no_link_keeps_the_link_lines_of_the_file_and_records_itself_in_the_header()
    {
        await using var sandbox = await EngineSandbox.StartAsync(users: 10);
        var engine = sandbox.Engine(Kind);
        var (first, _) = await sandbox.RunAsync(engine);
        Assert.Equal(RunStatus.Succeeded, first.Status);
        // A date in a form the reader takes and the writer never writes: still there after a save only if the lines were copied.
        var text = File.ReadAllText(sandbox.Paths.State);
        var links = StateFile.Load(sandbox.Paths.State).Links;
        Assert.NotEmpty(links);
        var at = text.IndexOf("\"LinkedAt\":\"", System.StringComparison.Ordinal) + 12;
        var written = text.Substring(at, text.IndexOf('"', at) - at);
        Assert.EndsWith("+00:00", written);
        var edited = written.Substring(0, written.Length - 6) + "Z";
        File.WriteAllText(sandbox.Paths.State, text.Replace(written, edited));

        var (noOp, _) = await sandbox.RunAsync(engine, new RunRequest { Full = true });

        Assert.Equal(RunStatus.Succeeded, noOp.Status);
        Assert.Equal(0, noOp.WriteCalls);
        Assert.Contains(edited, File.ReadAllText(sandbox.Paths.State));
        var state = StateFile.Load(sandbox.Paths.State);
        Assert.Equal(new[] { first.RunId, noOp.RunId }, state.LastRuns.Select(r => r.RunId));
        Assert.Equal(links.Select(l => (l.SalesforceId, l.LmsId, l.LinkedAt)), state.Links.Select(l => (l.SalesforceId, l.LmsId, l.LinkedAt)));
    }
}
