using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Diagnostics;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>An activity log that keeps what it was told, for assertions.</summary>
internal sealed class RecordingLog : IActivityLog
{
    private readonly List<string> _verbose = new();
    private readonly List<string> _warnings = new();

    public IReadOnlyList<string> VerboseMessages { get { lock (_verbose) return _verbose.ToList(); } }

    public IReadOnlyList<string> Warnings { get { lock (_warnings) return _warnings.ToList(); } }

    public IEnumerable<string> All => VerboseMessages.Concat(Warnings);

    public void Verbose(string message) { lock (_verbose) _verbose.Add(message); }

    public void Warning(string message) { lock (_warnings) _warnings.Add(message); }
}
