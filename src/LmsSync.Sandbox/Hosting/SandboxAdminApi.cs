using System;
using System.Text.Json;
using System.Threading.Tasks;
using LmsSync.Sandbox.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Hosting;

/// <summary>
/// Shared admin routes under <c>/__admin</c> (emulators add their own under <c>/__admin/&lt;name&gt;/</c>):
/// faults, the request log and the clock.
/// </summary>
internal static class SandboxAdminApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static void Map(IEndpointRouteBuilder routes, SandboxContext context)
    {
        routes.MapGet("/__admin/faults", () => Results.Json(context.Faults.Rules, Json));
        routes.MapPost("/__admin/faults", async (HttpRequest request) =>
        {
            var rule = await request.ReadFromJsonAsync<FaultRule>(Json);
            if (rule is null) return Results.BadRequest(new { message = "Send a fault rule as JSON." });
            try
            {
                return Results.Json(context.Faults.Add(rule), Json);
            }
            catch (ArgumentException e)
            {
                return Results.BadRequest(new { message = "pathPattern is not a valid regular expression: " + e.Message });
            }
        });
        routes.MapDelete("/__admin/faults", () => { context.Faults.Clear(); return Results.NoContent(); });
        routes.MapDelete("/__admin/faults/{id}", (string id) => context.Faults.Remove(id) ? Results.NoContent() : Results.NotFound());

        routes.MapGet("/__admin/requests", (long? since, string? emulator) => Results.Json(context.Requests.Since(since ?? 0, emulator), Json));
        routes.MapDelete("/__admin/requests", () => { context.Requests.Clear(); return Results.NoContent(); });

        routes.MapGet("/__admin/clock", () => Results.Json(new { now = context.Clock.UtcNow }, Json));
        routes.MapPost("/__admin/clock", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<ClockChange>(Json);
            if (body?.Now is { } now) context.Clock.Set(now);
            else if (body?.AdvanceSeconds is { } seconds) context.Clock.Advance(TimeSpan.FromSeconds(seconds));
            else return Results.BadRequest(new { message = "Send {\"now\":\"<ISO 8601>\"} or {\"advanceSeconds\":<number>}." });
            return Results.Json(new { now = context.Clock.UtcNow }, Json);
        });
    }

    private sealed record ClockChange(DateTimeOffset? Now, double? AdvanceSeconds);
}
