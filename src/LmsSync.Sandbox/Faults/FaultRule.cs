using System.Collections.Generic;

namespace LmsSync.Sandbox.Faults;

/// <summary>What a fault does to a request it matches.</summary>
public enum FaultKind
{
    /// <summary>Only the delay; the request then goes through normally.</summary>
    None,
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/>, <see cref="FaultRule.Body"/> and headers instead of the real response.</summary>
    Status,
    /// <summary>Close the connection without an answer.</summary>
    DropConnection,
    /// <summary>Let the real handler answer, then cut its body in half (unparseable JSON).</summary>
    MalformedBody,
}

/// <summary>
/// One injected fault: which requests it hits (method, path regex, after how many, how many times)
/// and what it does. Posted as JSON to <c>/__admin/faults</c> or added in-process by tests.
/// </summary>
public sealed class FaultRule
{
    public string Id { get; set; } = "";

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; set; }

    /// <summary>Regular expression matched against the path and query (e.g. <c>^/services/data/v[\d.]+/query/</c>).</summary>
    public string PathPattern { get; set; } = ".*";

    /// <summary>Let this many matching requests through untouched before the fault starts.</summary>
    public int SkipFirst { get; set; }

    /// <summary>Apply to this many matching requests, then retire; null = every one.</summary>
    public int? Times { get; set; }

    /// <summary>Delay before answering, for any kind (also how a fixed network latency is emulated).</summary>
    public int DelayMs { get; set; }

    public FaultKind Kind { get; set; } = FaultKind.Status;

    public int StatusCode { get; set; } = 503;
    public string? Body { get; set; }
    public string ContentType { get; set; } = "application/json;charset=UTF-8";
    public Dictionary<string, string> Headers { get; set; } = new();
}
