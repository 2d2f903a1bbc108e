using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.ISpring;

/// <summary>The department tree: list (paged, or all / by code), get, create under a parent, update, delete when empty, move users.</summary>
internal static class ISpringDepartmentRoutes
{
    public static void Map(RouteGroupBuilder api, ISpringEmulator emulator)
    {
        var store = emulator.Store;

        api.MapGet("/departments", (HttpContext http) =>
        {
            var (pageSize, after) = ISpringPaging.Read(http.Request, emulator.Behaviour);
            var all = store.ListDepartments();
            var page = all.Skip((int)after).Take(pageSize).ToList();
            var body = new JsonObject { ["departments"] = new JsonArray(page.Select(d => (JsonNode)ISpringJson.Department(d)).ToArray()) };
            if (after + page.Count < all.Count) body["nextPageToken"] = ISpringPaging.Encode(after + page.Count);
            return ISpringWire.Ok(body);
        });

        api.MapGet("/department", (string? code) =>
            ISpringWire.Ok(new JsonObject { ["departments"] = new JsonArray(store.ListDepartments(code).Select(d => (JsonNode)ISpringJson.Department(d)).ToArray()) }));

        api.MapGet("/department/{id}", (string id) =>
            ISpringWire.Ok(new JsonObject { ["response"] = ISpringJson.Department(store.GetDepartment(id)) }));

        api.MapPost("/department", async (HttpContext http) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            var id = store.CreateDepartment(ISpringRequest.String(body, "name"), ISpringRequest.String(body, "parentDepartmentId"),
                ISpringRequest.String(body, "code"), emulator.Behaviour.RejectDuplicateNames);
            return ISpringWire.Created(id);
        });

        api.MapPost("/department/{id}", async (HttpContext http, string id) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.UpdateDepartment(id, ISpringRequest.String(body, "name"), ISpringRequest.String(body, "parentDepartmentId"),
                ISpringRequest.String(body, "code"), emulator.Behaviour.RejectDuplicateNames);
            return ISpringWire.NoContent();
        });

        api.MapDelete("/department/{id}", (string id) =>
        {
            store.DeleteDepartment(id);
            return ISpringWire.NoContent();
        });

        api.MapPost("/department/{id}/user/move", async (HttpContext http, string id) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.MoveUsers(id, ISpringRequest.RequiredStringList(body, "userIds"));
            return ISpringWire.NoContent();
        });
    }
}
