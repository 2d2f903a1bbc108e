using System;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Bulk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// Everything under <c>/services/data/</c>. Each versioned request passes the same gate, in the order
/// a real org applies it: known version (else 404 NOT_FOUND), a live session on the instance host
/// (else 401 INVALID_SESSION_ID), the daily API cap (else 403 REQUEST_LIMIT_EXCEEDED); then it is
/// counted, gets <c>Sforce-Limit-Info</c>, and is routed (Bulk 2.0 <c>jobs/query</c> to its own endpoint).
/// </summary>
internal sealed class RestApi(SalesforceEmulator emulator)
{
    private const string Prefix = "/services/data/";
    private readonly QueryEndpoint _query = new(emulator);
    private readonly DescribeEndpoint _describe = new(emulator);
    private readonly LimitsEndpoint _limits = new(emulator);
    private readonly BulkQueryEndpoint _bulk = new(emulator);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/services/data", VersionsEndpoint.WriteVersionsAsync);
        routes.Map("/services/data/{**rest}", HandleAsync);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var segments = (http.Request.Path.Value ?? "").Substring(Prefix.Length).Split('/');
        if (segments.Length == 1 && segments[0].Length == 0)
        {
            if (IsRead(http)) await VersionsEndpoint.WriteVersionsAsync(http);
            else await MethodNotAllowedAsync(http);
            return;
        }

        var version = ApiVersions.Parse(segments[0]);
        if (version is null)
        {
            await RestResponse.NotFoundAsync(http);
            return;
        }

        // login.salesforce.com is not an API host: a client that ignored instance_url has no session there.
        var session = emulator.Context.IsLoginHost(http) ? null : emulator.FindSession(BearerToken(http.Request));
        if (session is null)
        {
            await RestResponse.InvalidSessionAsync(http);
            return;
        }

        var limit = emulator.Settings.DailyApiLimit;
        var counted = emulator.ApiUsage.TryCount(emulator.Clock.UtcNow, limit, out var used);
        http.Response.Headers["Sforce-Limit-Info"] = ApiUsage.Header(used, limit);
        if (!counted)
        {
            await RestResponse.WriteErrorAsync(http, StatusCodes.Status403Forbidden, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            return;
        }

        var call = new RestCall(http, version, session);
        if (segments is [_, "jobs", "query", ..])
        {
            // Bulk 2.0 takes POST, PATCH and DELETE too: it answers its own methods.
            await _bulk.HandleAsync(call, segments[3..].Where(s => s.Length > 0).ToArray());
            return;
        }

        var route = Route(segments.AsSpan(1), call);
        if (route is null) await RestResponse.NotFoundAsync(http);
        else if (!IsRead(http)) await MethodNotAllowedAsync(http);
        else await route();
    }

    /// <summary>The handler for a path below the version, or null when there is no such resource. A trailing slash is allowed.</summary>
    private Func<Task>? Route(ReadOnlySpan<string> path, RestCall call)
    {
        if (path.Length > 0 && path[^1].Length == 0) path = path[..^1];
        return path switch
        {
            [] => () => VersionsEndpoint.WriteResourcesAsync(call),
            ["query"] => () => _query.QueryAsync(call, includeDeleted: false),
            ["queryAll"] => () => _query.QueryAsync(call, includeDeleted: true),
            ["query" or "queryAll", var locator] => () => _query.QueryMoreAsync(call, locator),
            ["sobjects"] => () => _describe.GlobalAsync(call),
            ["sobjects", var type, "describe"] => () => _describe.DescribeAsync(call, type),
            ["limits"] => () => _limits.WriteAsync(call),
            _ => null,
        };
    }

    private static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    private static Task MethodNotAllowedAsync(HttpContext http)
    {
        http.Response.Headers.Allow = "GET, HEAD";
        return RestResponse.WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
            $"HTTP Method '{http.Request.Method}' not allowed. Allowed are GET,HEAD");
    }

    /// <summary><c>Authorization: Bearer …</c>, or the historical <c>OAuth …</c>.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "Bearer ", "OAuth " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return header.Substring(scheme.Length).Trim();
        }
        return null;
    }
}
