using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.ISpring;

/// <summary>Groups: list (paged, or all), details with member ids, create, rename, delete, and the replace-all member write.</summary>
internal static class ISpringGroupRoutes
{
    public static void Map(RouteGroupBuilder api, ISpringEmulator emulator)
    {
        var store = emulator.Store;

        api.MapGet("/groups", (HttpContext http) =>
        {
            var (pageSize, after) = ISpringPaging.Read(http.Request, emulator.Behaviour);
            var all = store.ListGroups();
            var page = all.Skip((int)after).Take(pageSize).ToList();
            var body = new JsonObject { ["groups"] = new JsonArray(page.Select(g => (JsonNode)ISpringJson.Group(g)).ToArray()) };
            if (after + page.Count < all.Count) body["nextPageToken"] = ISpringPaging.Encode(after + page.Count);
            return ISpringWire.Ok(body);
        });

        api.MapGet("/group", () => ISpringWire.Ok(new JsonArray(store.ListGroups().Select(g => (JsonNode)ISpringJson.Group(g)).ToArray())));

        // The spec serves DetailedGroup unwrapped in JSON (unlike GET /user/{id}, which wraps it in "response").
        api.MapGet("/group/{id}", (string id) => ISpringWire.Ok(ISpringJson.DetailedGroup(store.GetGroup(id))));

        api.MapPost("/group", async (HttpContext http) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            var id = store.CreateGroup(ISpringRequest.String(body, "name"), ISpringRequest.StringList(body, "userIds"), emulator.Behaviour.RejectDuplicateNames);
            return ISpringWire.Created(id);
        });

        api.MapPost("/group/{id}", async (HttpContext http, string id) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.RenameGroup(id, ISpringRequest.String(body, "name"), emulator.Behaviour.RejectDuplicateNames);
            return ISpringWire.OkEmpty();
        });

        api.MapDelete("/group/{id}", (string id) =>
        {
            store.DeleteGroup(id);
            return ISpringWire.NoContent();
        });

        api.MapPost("/group/{id}/members", async (HttpContext http, string id) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.ReplaceMembers(id, ISpringRequest.RequiredStringList(body, "userIds"));
            emulator.AfterMembersWritten?.Invoke(id);
            return ISpringWire.OkEmpty();
        });
    }
}
