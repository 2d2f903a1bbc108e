using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// Test-only routes under <c>/__admin/scim</c>: state dump, reset, seeding, behaviour switches, the token,
/// and the welcome emails "sent". No auth (the admin API is loopback-only, like the rest of the Sandbox's).
/// </summary>
internal static class ScimAdminRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static void Map(IEndpointRouteBuilder routes, SandboxContext context, ScimService service)
    {
        const string admin = "/__admin/scim";
        routes.MapGet(admin + "/state", () =>
        {
            var (users, groups) = service.Snapshot(context.BaseUrl);
            return Results.Json(new JsonObject { ["users"] = new JsonArray(users.ToArray()), ["groups"] = new JsonArray(groups.ToArray()) });
        });
        routes.MapPost(admin + "/reset", () => { service.Reset(); return Results.NoContent(); });
        routes.MapPost(admin + "/seed", async (HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<SeedRequest>(Json);
            if (body is null || body.Users is < 1 or > 100_000) return Results.BadRequest(new { message = "Send {\"users\": 1..100000, \"prefix\": \"seed.user\"}." });
            service.SeedUsers(body.Users, string.IsNullOrWhiteSpace(body.Prefix) ? "seed.user" : body.Prefix);
            return Results.NoContent();
        });
        routes.MapGet(admin + "/behaviour", () => Results.Json(service.Behaviour, Json));
        routes.MapPost(admin + "/behaviour", async (HttpRequest request) =>
        {
            // Any subset of the switches: merged over the current ones.
            var changes = await JsonNode.ParseAsync(request.Body) as JsonObject;
            if (changes is null) return Results.BadRequest(new { message = "Send a JSON object with the switches to change (see GET /__admin/scim/behaviour)." });
            var current = JsonSerializer.SerializeToNode(service.Behaviour, Json)!.AsObject();
            foreach (var (name, value) in changes) current[name] = value?.DeepClone();
            try
            {
                service.Behaviour = current.Deserialize<ScimBehaviour>(Json)!;
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "A switch has the wrong type: " + e.Message });
            }
            return Results.Json(service.Behaviour, Json);
        });
        routes.MapGet(admin + "/token", () => Results.Json(new { token = service.Token, issuedAt = service.TokenIssuedAt }));
        routes.MapPost(admin + "/token", () => Results.Json(new { token = service.IssueToken(), issuedAt = service.TokenIssuedAt }));
        routes.MapGet(admin + "/welcome-emails", () => Results.Json(service.WelcomeEmails, Json));
        routes.MapDelete(admin + "/welcome-emails", () => { service.ClearWelcomeEmails(); return Results.NoContent(); });
    }

    private sealed record SeedRequest(int Users, string? Prefix);
}
