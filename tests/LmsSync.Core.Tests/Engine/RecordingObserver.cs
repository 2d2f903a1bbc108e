using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>Collects what a run reports; can decline rows and run a hook after each result (to cancel mid-run).</summary>
internal sealed class RecordingObserver : IRunObserver
{
    private int _inCall;

    public List<UserResult> Results { get; } = new();
    public List<SyncProgress> Progress { get; } = new();
    public List<(PlanRow Row, string Action)> Confirmations { get; } = new();
    public Func<PlanRow, bool> Confirm { get; set; } = _ => true;
    public Action<int>? AfterResult { get; set; }
    public bool CalledConcurrently { get; private set; }

    public void OnResult(UserResult result)
    {
        Enter();
        try
        {
            Results.Add(result);
            AfterResult?.Invoke(Results.Count);
        }
        finally { Exit(); }
    }

    public void OnProgress(SyncProgress progress)
    {
        Enter();
        try { Progress.Add(progress); }
        finally { Exit(); }
    }

    public Task<bool> ConfirmAsync(PlanRow row, string action)
    {
        Enter();
        try
        {
            Confirmations.Add((row, action));
            return Task.FromResult(Confirm(row));
        }
        finally { Exit(); }
    }

    private void Enter()
    {
        if (System.Threading.Interlocked.Increment(ref _inCall) > 1) CalledConcurrently = true;
    }

    private void Exit() => System.Threading.Interlocked.Decrement(ref _inCall);
}
