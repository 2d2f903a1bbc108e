using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// Test-only routes under <c>/__admin/skyprep/</c>: state dump, reset, seeding, behaviour switches, sent
/// emails, key rotation and the rate window. Never under the emulated API's prefix.
/// </summary>
internal static class SkyPrepAdminApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(IEndpointRouteBuilder routes, SkyPrepEmulator emulator, SandboxContext context)
    {
        const string root = "/__admin/skyprep";

        routes.MapGet(root + "/state", () => Results.Json(new
        {
            users = emulator.State.Users(),
            groups = emulator.State.Groups(),
            emails = emulator.State.SentEmails(),
            behaviour = emulator.Behaviour,
        }, Json));

        routes.MapPost(root + "/reset", (bool? empty) =>
        {
            emulator.Reset(empty ?? false);
            return Results.NoContent();
        });

        routes.MapGet(root + "/behaviour", () => Results.Json(emulator.Behaviour, Json));
        routes.MapPost(root + "/behaviour", async (HttpRequest request) =>
        {
            // Any subset of the switches: laid over the current ones, unknown names refused.
            JsonObject? patch;
            try
            {
                patch = await request.ReadFromJsonAsync<JsonObject>(Json);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "Send the switches to change as a JSON object: " + e.Message });
            }
            if (patch is null) return Results.BadRequest(new { message = "Send the switches to change as a JSON object." });
            var current = JsonSerializer.SerializeToNode(emulator.Behaviour, Json)!.AsObject();
            foreach (var (name, value) in patch.ToList())
            {
                var known = current.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (known is null) return Results.BadRequest(new { message = $"Unknown SkyPrep switch '{name}'. GET {root}/behaviour lists them." });
                current[known] = value?.DeepClone();
            }
            try
            {
                emulator.Behaviour = current.Deserialize<SkyPrepBehaviour>(Json)!;
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "A switch has a value of the wrong type: " + e.Message });
            }
            return Results.Json(emulator.Behaviour, Json);
        });

        routes.MapGet(root + "/emails", () => Results.Json(emulator.State.SentEmails(), Json));
        routes.MapDelete(root + "/emails", () => { emulator.State.ClearEmails(); return Results.NoContent(); });

        routes.MapPost(root + "/learners", (int count) =>
        {
            if (count is < 1 or > 100_000) return Results.BadRequest(new { message = "count must be 1..100000." });
            emulator.State.AddLearners(count, context.Clock.UtcNow);
            return Results.Json(new { users = emulator.State.Users().Count }, Json);
        });

        routes.MapPost(root + "/groups", (string name) =>
            string.IsNullOrWhiteSpace(name) ? Results.BadRequest(new { message = "name is required." }) : Results.Json(emulator.State.AddGroup(name.Trim()), Json));

        routes.MapPost(root + "/keys/rotate", () => Results.Json(new { apiKey = emulator.RotateApiKey() }, Json));

        routes.MapDelete(root + "/ratelimit", () => { emulator.RateLimit.Clear(); return Results.NoContent(); });
    }
}
