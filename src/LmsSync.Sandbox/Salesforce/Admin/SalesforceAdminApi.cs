using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Org;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Salesforce.Admin;

/// <summary>
/// <c>/__admin/salesforce/…</c>: settings, token revocation, API usage, user changes, reseeding and
/// Salesforce-shaped faults — the same controls <see cref="SalesforceEmulator"/> offers in-process.
/// Admin errors are <c>{"message":…}</c> with 400/404; they are for test authors, not clients.
/// </summary>
internal static class SalesforceAdminApi
{
    private const string Root = "/__admin/salesforce";

    public static void Map(IEndpointRouteBuilder routes, SalesforceEmulator emulator)
    {
        routes.MapGet(Root + "/settings", () => Results.Json(SettingsJson(emulator.Settings)));
        routes.MapMethods(Root + "/settings", new[] { "POST", "PATCH" }, (HttpRequest request) => Guarded(request, body =>
            Results.Json(SettingsJson(emulator.Configure(current => ApplySettings(current, body))))));

        routes.MapPost(Root + "/revoke-tokens", (HttpRequest request) => Guarded(request, body =>
        {
            if (body["refreshTokens"]?.GetValue<bool>() == true) emulator.Tokens.RevokeAllRefreshTokens();
            if (body["afterPages"] is { } after)
            {
                emulator.RevokeTokensAfterPages(after.GetValue<int>());
                return Results.Json(new { afterPages = after.GetValue<int>() });
            }
            return Results.Json(new { revoked = emulator.RevokeAllTokens() });
        }));

        routes.MapGet(Root + "/api-usage", () => UsageJson(emulator));
        routes.MapPost(Root + "/api-usage", (HttpRequest request) => Guarded(request, body =>
        {
            emulator.ApiUsage.Set(body["used"]?.GetValue<long>() ?? 0, emulator.Clock.UtcNow);
            return UsageJson(emulator);
        }));

        routes.MapPost(Root + "/users", (HttpRequest request) => Guarded(request, body =>
        {
            var row = emulator.InsertUser(AdminFieldValues.Convert(emulator.Org.Schema.Find("User")!, body));
            return Results.Json(RowJson(row), statusCode: StatusCodes.Status201Created);
        }));
        routes.MapMethods(Root + "/users/{id}", new[] { "PATCH", "POST" }, (string id, HttpRequest request) => Guarded(request, body =>
            Results.Json(RowJson(emulator.UpdateUser(id, AdminFieldValues.Convert(emulator.Org.Schema.Find("User")!, body))))));
        routes.MapPost(Root + "/users/{id}/deactivate", (string id, HttpRequest request) => Guarded(request, _ =>
            Results.Json(RowJson(emulator.DeactivateUser(id)))));

        routes.MapPost(Root + "/reseed", (HttpRequest request) => Guarded(request, body =>
        {
            emulator.Reseed(body["users"]?.GetValue<int>(), body["seed"]?.GetValue<int>());
            return Results.Json(new { users = emulator.Org.Count("User"), seed = emulator.Seed });
        }));

        routes.MapPost(Root + "/faults", (HttpRequest request) => Guarded(request, body => AddFault(emulator.Faults, body)));
    }

    private static IResult AddFault(SalesforceFaults faults, JsonObject body)
    {
        var routeName = body["route"]?.GetValue<string>();
        var route = SalesforceRoutes.ByName(routeName) ?? throw new ArgumentException($"Unknown route '{routeName}': use token, query, queryMore, anyQuery, describe, limits, rest or any.");
        var skipFirst = body["skipFirst"]?.GetValue<int>() ?? 0;
        // Absent "times" = once (a fault that never ends is rarely wanted); null or 0 = until removed.
        int? times = body.ContainsKey("times") ? body["times"]?.GetValue<int>() is int t && t > 0 ? t : null : 1;
        var kind = body["fault"]?.GetValue<string>();
        var rule = kind switch
        {
            "serverError" => faults.ServerError(route, body["status"]?.GetValue<int>() ?? 503, body["html"]?.GetValue<bool>() ?? false, skipFirst, times),
            "requestLimitExceeded" => faults.RequestLimitExceeded(route, skipFirst, times),
            "invalidSession" => faults.InvalidSession(route, skipFirst, times),
            "queryTimeout" => faults.QueryTimeout(route, skipFirst, times),
            "malformedJson" => faults.MalformedJson(route, skipFirst, times),
            "dropConnection" => faults.DropConnection(route, skipFirst, times),
            _ => throw new ArgumentException($"Unknown fault '{kind}': use serverError, requestLimitExceeded, invalidSession, queryTimeout, malformedJson or dropConnection."),
        };
        return Results.Json(new { id = rule.Id, pathPattern = rule.PathPattern, skipFirst = rule.SkipFirst, times = rule.Times, statusCode = rule.StatusCode, kind = rule.Kind.ToString() });
    }

    private static SalesforceSettings ApplySettings(SalesforceSettings current, JsonObject body)
    {
        var next = current;
        foreach (var (name, node) in body)
        {
            next = name switch
            {
                "passwordFlowBlocked" => next with { PasswordFlowBlocked = node!.GetValue<bool>() },
                "tokenLifetimeSeconds" => next with { TokenLifetime = TimeSpan.FromSeconds(node!.GetValue<double>()) },
                "dailyApiLimit" => next with { DailyApiLimit = node!.GetValue<int>() },
                "shortPages" => next with { ShortPages = node!.GetValue<bool>() },
                "acceptedAudience" => next with { AcceptedAudience = Audience(node!.GetValue<string>()) },
                "refreshTokenRotation" => next with { RefreshTokenRotation = node!.GetValue<bool>() },
                "clientCredentialsUser" => next with { ClientCredentialsUser = node?.GetValue<string>() },
                "bulkQueryFailure" => next with { BulkQueryFailure = node?.GetValue<string>() },
                "bulkJobRunSeconds" => next with { BulkJobRunTime = TimeSpan.FromSeconds(node!.GetValue<double>()) },
                _ => throw new ArgumentException($"Unknown setting '{name}'."),
            };
        }
        return next;
    }

    /// <summary>"production" and "sandbox" are shorthands for the two login hosts.</summary>
    private static string Audience(string value) => value switch
    {
        "production" => SalesforceSettings.ProductionAudience,
        "sandbox" => SalesforceSettings.SandboxAudience,
        _ => value,
    };

    private static object SettingsJson(SalesforceSettings s) => new
    {
        passwordFlowBlocked = s.PasswordFlowBlocked,
        tokenLifetimeSeconds = s.TokenLifetime.TotalSeconds,
        dailyApiLimit = s.DailyApiLimit,
        shortPages = s.ShortPages,
        acceptedAudience = s.AcceptedAudience,
        refreshTokenRotation = s.RefreshTokenRotation,
        clientCredentialsUser = s.ClientCredentialsUser,
        bulkQueryFailure = s.BulkQueryFailure,
        bulkJobRunSeconds = s.BulkJobRunTime.TotalSeconds,
    };

    private static IResult UsageJson(SalesforceEmulator emulator) =>
        Results.Json(new { used = emulator.ApiUsage.Used(emulator.Clock.UtcNow), max = emulator.Settings.DailyApiLimit });

    private static object RowJson(SfRow row) => new
    {
        id = row.Id,
        username = row["Username"],
        isActive = row["IsActive"],
        systemModstamp = ((DateTimeOffset?)row["SystemModstamp"])?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
    };

    /// <summary>Reads the JSON object body (empty = {}), runs the action, and turns bad input and org refusals into 400/404.</summary>
    private static async Task<IResult> Guarded(HttpRequest request, Func<JsonObject, IResult> action)
    {
        try
        {
            var body = request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))
                ? new JsonObject()
                : await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw new ArgumentException("Send a JSON object.");
            return action(body);
        }
        catch (SfOrgException e)
        {
            return Results.Json(new { errorCode = e.ErrorCode, message = e.Message }, statusCode: e.ErrorCode == "NOT_FOUND" ? 404 : 400);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or JsonException)
        {
            return Results.Json(new { message = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
