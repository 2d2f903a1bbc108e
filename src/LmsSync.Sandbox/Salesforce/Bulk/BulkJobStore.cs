using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>The org's Bulk 2.0 query jobs (ids <c>750…</c>), and how many were created (the DailyBulkV2QueryJobs count).</summary>
internal sealed class BulkJobStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private long _created;

    /// <summary>Jobs created since the Sandbox started (deleted ones included, as the daily limit counts them).</summary>
    public long Created => Interlocked.Read(ref _created);

    public string NextId() => SalesforceIdFormat.Make("750", 0x7A_0000L + Interlocked.Increment(ref _created));

    public void Add(BulkJob job)
    {
        lock (_gate) _jobs[job.Id] = job;
    }

    /// <summary>The job by its 15- or 18-character id, or null.</summary>
    public BulkJob? Find(string id)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(id, out var job)) return job;
            return id.Length == 15 ? _jobs.Values.FirstOrDefault(j => j.Id.StartsWith(id, StringComparison.Ordinal)) : null;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate) return _jobs.Remove(id);
    }

    public IReadOnlyList<BulkJob> All()
    {
        lock (_gate) return _jobs.Values.OrderBy(j => j.CreatedDate).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }
}
