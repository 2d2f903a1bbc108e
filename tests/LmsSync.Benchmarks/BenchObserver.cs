using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>
/// Confirms every row (like -Confirm:$false), counts results, and times the stages from the progress reports
/// (Reading Salesforce, Reading LMS, Planning, Applying) to show where a run's time goes.
/// </summary>
internal sealed class BenchObserver : IRunObserver, IProgress<SyncProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _order = new();
    private readonly Dictionary<string, (TimeSpan First, TimeSpan Last)> _stages = new();
    private readonly object _gate = new();

    public int Applied;
    public int Failed;

    /// <summary>Why rows wrote: "Update job_title" → count (or "Update (department or groups)" when no field changed), to explain a write that should not be.</summary>
    public Dictionary<string, int> WriteReasons { get; } = new(StringComparer.Ordinal);

    public void OnResult(UserResult result)
    {
        if (result.Status == ResultStatus.Failure) Failed++;
        else if (result.Status == ResultStatus.Success && result.Action != PlanAction.NoChange) Applied++;
        if (result.Action is PlanAction.NoChange or PlanAction.Skip) return;
        var reasons = result.Changes.Count == 0 ? new[] { "(department or groups)" } : result.Changes.Select(c => c.Field);
        foreach (var reason in reasons)
        {
            var key = result.Action + " " + reason;
            WriteReasons[key] = WriteReasons.TryGetValue(key, out var n) ? n + 1 : 1;
        }
    }

    public void OnProgress(SyncProgress progress) => Report(progress);

    public void Report(SyncProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (_stages.TryGetValue(value.Stage, out var seen)) _stages[value.Stage] = (seen.First, now);
            else
            {
                _order.Add(value.Stage);
                _stages[value.Stage] = (now, now);
            }
        }
    }

    public Task<bool> ConfirmAsync(PlanRow row, string action) => Task.FromResult(true);

    /// <summary>
    /// When each stage was first and last reported, in seconds since the observer was made, e.g.
    /// "Reading Salesforce 0.0–2.1 s, Reading LMS 0.0–0.9 s, Planning 2.1–2.3 s" (the two reads run side by side).
    /// </summary>
    public string Stages()
    {
        lock (_gate)
        {
            return string.Join(", ", _order.Select(stage =>
                string.Format(CultureInfo.InvariantCulture, "{0} {1:0.0}–{2:0.0} s", stage, _stages[stage].First.TotalSeconds, _stages[stage].Last.TotalSeconds)));
        }
    }
}
