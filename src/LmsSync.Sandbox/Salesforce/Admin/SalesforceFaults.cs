using System.Text.Json.Nodes;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Sandbox.Salesforce.Admin;

/// <summary>
/// Salesforce-shaped faults on top of the shared <see cref="FaultInjector"/>: the bodies and status
/// codes a real org (or its load balancer) answers with. Each returns the rule, which can be removed
/// by id; <c>times</c> null = until removed.
/// </summary>
public sealed class SalesforceFaults(FaultInjector faults)
{
    private const string JsonType = "application/json;charset=UTF-8";

    public const string MaintenanceHtml =
        "<!DOCTYPE html><html><head><title>Salesforce - Maintenance</title></head><body><h1>Service Unavailable</h1>" +
        "<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p></body></html>";

    /// <summary>A 5xx: JSON <c>[{"message","errorCode"}]</c> (SERVER_UNAVAILABLE for 503, UNKNOWN_EXCEPTION otherwise) or an HTML page, as a load balancer sends.</summary>
    public FaultRule ServerError(string route = SalesforceRoutes.Rest, int status = 503, bool html = false, int skipFirst = 0, int? times = 1)
    {
        var body = html ? MaintenanceHtml : status == 503
            ? ErrorBody("Server temporarily unavailable. Please try again later.", "SERVER_UNAVAILABLE")
            : ErrorBody("An unexpected error occurred. Please include this ErrorId if you contact support: 1461563418-71290 (-1519178496)", "UNKNOWN_EXCEPTION");
        return Add(route, skipFirst, times, status, body, html ? "text/html;charset=UTF-8" : JsonType);
    }

    /// <summary>403 REQUEST_LIMIT_EXCEEDED (as a concurrency or daily cap answers) without touching the counter.</summary>
    public FaultRule RequestLimitExceeded(string route = SalesforceRoutes.Rest, int skipFirst = 0, int? times = 1) =>
        Add(route, skipFirst, times, 403, ErrorBody("TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED"), JsonType);

    /// <summary>401 INVALID_SESSION_ID although the token is still valid (to test the re-authenticate-once path).</summary>
    public FaultRule InvalidSession(string route = SalesforceRoutes.Rest, int skipFirst = 0, int? times = 1) =>
        Add(route, skipFirst, times, 401, ErrorBody("Session expired or invalid", "INVALID_SESSION_ID"), JsonType);

    /// <summary>400 QUERY_TIMEOUT, what a slow non-selective query gets.</summary>
    public FaultRule QueryTimeout(string route = SalesforceRoutes.AnyQuery, int skipFirst = 0, int? times = 1) =>
        Add(route, skipFirst, times, 400, ErrorBody("Your query request was running for too long.", "QUERY_TIMEOUT"), JsonType);

    /// <summary>The real response, cut in half: unparseable JSON (or a broken gzip stream).</summary>
    public FaultRule MalformedJson(string route = SalesforceRoutes.Rest, int skipFirst = 0, int? times = 1) =>
        faults.Add(new FaultRule { PathPattern = route, SkipFirst = skipFirst, Times = times, Kind = FaultKind.MalformedBody });

    public FaultRule DropConnection(string route = SalesforceRoutes.Rest, int skipFirst = 0, int? times = 1) =>
        faults.Add(new FaultRule { PathPattern = route, SkipFirst = skipFirst, Times = times, Kind = FaultKind.DropConnection });

    private FaultRule Add(string route, int skipFirst, int? times, int status, string body, string contentType) =>
        faults.Add(new FaultRule { PathPattern = route, SkipFirst = skipFirst, Times = times, Kind = FaultKind.Status, StatusCode = status, Body = body, ContentType = contentType });

    private static string ErrorBody(string message, string errorCode) =>
        new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = errorCode }).ToJsonString();
}
