using System;
using System.Diagnostics;
using System.Globalization;
using LmsSync.Core.Diagnostics;

namespace LmsSync.Benchmarks;

/// <summary>
/// The engine's verbose and warning lines with the seconds since the session was made, when the environment variable
/// <c>LMSSYNC_BENCH_TRACE</c> is 1: shows where a measured run's time goes between the progress reports.
/// </summary>
internal sealed class TraceLog : IActivityLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public static IActivityLog? FromEnvironment() =>
        Environment.GetEnvironmentVariable("LMSSYNC_BENCH_TRACE") == "1" ? new TraceLog() : null;

    public void Verbose(string message) => Write("verbose", message);

    public void Warning(string message) => Write("warning", message);

    private void Write(string kind, string message) =>
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "[{0,7:0.000} s] {1}: {2}", _clock.Elapsed.TotalSeconds, kind, message));
}
