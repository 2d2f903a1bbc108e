using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// Test-only routes under <c>/__admin/ispring</c>: state dump, reset (seeded or empty), bulk seeding of learners,
/// behaviour switches, the welcome emails "sent", and revoking every token. Always JSON.
/// </summary>
internal static class ISpringAdminRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes, ISpringEmulator emulator)
    {
        var admin = routes.MapGroup("/__admin/ispring");
        var store = emulator.Store;

        admin.MapGet("/state", () =>
        {
            var (departments, users, groups) = store.Snapshot();
            return Results.Json(new
            {
                departments = departments.Select(d => new { d.DepartmentId, d.Name, d.ParentDepartmentId, d.Code }),
                users = users.Select(u => new { u.UserId, u.DepartmentId, u.Status, u.Role, fields = u.Fields }),
                groups = groups.Select(g => new { g.GroupId, g.Name, g.IsSmart, g.UserIds }),
                sentEmails = store.SentEmails,
                behaviour = emulator.Behaviour,
                tokensIssued = emulator.Auth.TokensIssued,
            }, Json);
        });

        admin.MapPost("/reset", (bool? empty) =>
        {
            store.Reset(seed: empty != true);
            emulator.Behaviour = new ISpringBehaviour();
            return Results.NoContent();
        });

        admin.MapPost("/seed", (int learners, string? departmentId) =>
        {
            try
            {
                return Results.Json(new { userIds = store.AddLearners(learners, departmentId) }, Json);
            }
            catch (ISpringApiError e)
            {
                return Results.Json(new { message = e.Message }, Json, statusCode: e.Status);
            }
        });

        admin.MapGet("/behaviour", () => Results.Json(emulator.Behaviour, Json));
        admin.MapPost("/behaviour", async (HttpRequest request) =>
        {
            // A partial document: only the switches it names change.
            var patch = await JsonNode.ParseAsync(request.Body) as JsonObject;
            if (patch is null) return Results.BadRequest(new { message = "Send a JSON object of switches, e.g. {\"fieldsShape\":\"Object\"}." });
            var merged = JsonSerializer.SerializeToNode(emulator.Behaviour, Json)!.AsObject();
            foreach (var p in patch)
            {
                var key = merged.Select(m => m.Key).FirstOrDefault(k => string.Equals(k, p.Key, System.StringComparison.OrdinalIgnoreCase));
                if (key is null) return Results.BadRequest(new { message = $"Unknown switch '{p.Key}'. Known: {string.Join(", ", merged.Select(m => m.Key))}." });
                merged[key] = p.Value?.DeepClone();
            }
            try
            {
                emulator.Behaviour = merged.Deserialize<ISpringBehaviour>(Json)!;
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "Invalid switch value: " + e.Message });
            }
            return Results.Json(emulator.Behaviour, Json);
        });

        admin.MapGet("/emails", () => Results.Json(store.SentEmails, Json));
        admin.MapDelete("/emails", () => { store.ClearSentEmails(); return Results.NoContent(); });

        admin.MapPost("/tokens/revoke", () => { emulator.Auth.RevokeAll(); return Results.NoContent(); });
    }

}
