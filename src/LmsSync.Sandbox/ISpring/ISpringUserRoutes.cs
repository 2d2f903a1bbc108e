using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.ISpring;

/// <summary>Users: paged and filtered lists, get, create, update, delete, status (one and bulk), group removal, profile fields.</summary>
internal static class ISpringUserRoutes
{
    public static void Map(RouteGroupBuilder api, ISpringEmulator emulator)
    {
        var store = emulator.Store;

        api.MapGet("/users/v2", (HttpContext http) =>
        {
            var (pageSize, after) = ISpringPaging.Read(http.Request, emulator.Behaviour);
            var page = store.ListUsersRendered(ISpringRequest.Filter(http.Request), after, pageSize, emulator.Behaviour.FieldsShape, out var more);
            return ISpringWire.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("userProfiles");
                foreach (var user in page) w.WriteRawValue(user.Json, skipInputValidation: true);
                w.WriteEndArray();
                if (more) w.WriteString("nextPageToken", ISpringPaging.Encode(page[^1].Sequence));
                w.WriteEndObject();
            });
        });

        api.MapGet("/user", (HttpContext http) =>
        {
            var users = store.ListUsers(ISpringRequest.Filter(http.Request), 0, int.MaxValue - 1, out _);
            var shape = emulator.Behaviour.FieldsShape;
            return ISpringWire.Ok(w => WriteUsers(w, users, shape));
        });

        // Only one page is served: the spec names pageNumber in the answer but no paging parameter in the request.
        api.MapPost("/user/list", async (HttpContext http) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            var filter = new ISpringUserFilter
            {
                Departments = ISpringRequest.StringList(body, "departments") ?? new List<string>(),
                Groups = ISpringRequest.StringList(body, "groups") ?? new List<string>(),
                Logins = ISpringRequest.StringList(body, "logins") ?? new List<string>(),
                Emails = ISpringRequest.StringList(body, "emails") ?? new List<string>(),
                ProfileFields = ProfileFieldFilters(body),
            };
            var users = store.ListUsers(filter, 0, int.MaxValue - 1, out _);
            var shape = emulator.Behaviour.FieldsShape;
            return ISpringWire.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("pageNumber", 1);
                w.WriteNumber("totalUsersNumber", users.Count);
                w.WritePropertyName("userProfiles");
                WriteUsers(w, users, shape);
                w.WriteEndObject();
            });
        });

        api.MapGet("/user/profile/fields", () =>
            ISpringWire.Ok(new JsonArray(ISpringStore.ProfileFields.Select(f => (JsonNode)ISpringJson.ProfileField(f)).ToArray())));

        api.MapGet("/user/{userId}", (string userId) =>
            ISpringWire.Ok(new JsonObject { ["response"] = ISpringJson.User(store.GetUser(userId), emulator.Behaviour.FieldsShape) }));
        api.MapGet("/user/{userId}/v2", (string userId) =>
            ISpringWire.Ok(new JsonObject { ["response"] = ISpringJson.User(store.GetUser(userId), emulator.Behaviour.FieldsShape) }));

        api.MapPost("/user", async (HttpContext http) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            var input = new ISpringNewUserInput
            {
                DepartmentId = ISpringRequest.String(body, "departmentId"),
                Fields = ISpringRequest.Fields(body),
                Role = ISpringRequest.String(body, "role"),
                GroupIds = ISpringRequest.StringList(body, "groupIds"),
                SendLoginEmail = ISpringRequest.Bool(body, "sendLoginEmail"),
                InvitationMessage = ISpringRequest.String(body, "invitationMessage"),
            };
            var (userId, _) = store.CreateUser(input, emulator.Behaviour.SendLoginEmailDefault);
            return ISpringWire.Created(userId);
        });

        api.MapPost("/user/{userId}", async (HttpContext http, string userId) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            var input = new ISpringUpdateUserInput
            {
                DepartmentId = ISpringRequest.String(body, "departmentId"),
                Fields = ISpringRequest.Fields(body),
                Role = ISpringRequest.String(body, "role"),
                GroupIds = ISpringRequest.StringList(body, "groupIds"),
            };
            store.UpdateUser(userId, input, emulator.Behaviour.GroupIdsOnUpdate);
            return ISpringWire.OkEmpty();
        });

        api.MapDelete("/user/{userId}", (string userId) =>
        {
            store.DeleteUser(userId);
            return ISpringWire.NoContent();
        });

        api.MapPost("/user/{userId}/status", async (HttpContext http, string userId) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.GetUser(userId);
            store.SetStatus(new[] { userId }, ISpringRequest.Int(body, "status"));
            return ISpringWire.OkEmpty();
        });

        foreach (var (verb, status) in new[] { ("activate", 1), ("deactivate", 3), ("terminate", 5) })
        {
            api.MapPost("/users/" + verb, async (HttpContext http) =>
            {
                var body = await ISpringRequest.ReadObjectAsync(http.Request);
                store.SetStatus(ISpringRequest.RequiredStringList(body, "userIds"), status);
                return ISpringWire.OkEmpty();
            });
        }

        api.MapPost("/user/{userId}/groups/remove", async (HttpContext http, string userId) =>
        {
            var body = await ISpringRequest.ReadObjectAsync(http.Request);
            store.RemoveUserFromGroups(userId, ISpringRequest.RequiredStringList(body, "groupIds"));
            return ISpringWire.OkEmpty();
        });
    }

    private static void WriteUsers(Utf8JsonWriter w, IEnumerable<ISpringUserView> users, ISpringFieldsShape shape)
    {
        w.WriteStartArray();
        foreach (var u in users) ISpringJson.WriteUser(w, u, shape);
        w.WriteEndArray();
    }

    private static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ProfileFieldFilters(JsonObject body)
    {
        var node = body["profileFields"];
        if (node is null) return new List<KeyValuePair<string, IReadOnlyList<string>>>();
        if (node is not JsonArray array) throw new ISpringApiError(400, "profileFields must be an array of {name, values}.");
        return array.Select(item =>
        {
            if (item is not JsonObject filter) throw new ISpringApiError(400, "profileFields must be an array of {name, values}.");
            var name = ISpringRequest.String(filter, "name") ?? throw new ISpringApiError(400, "profileFields[].name is required.");
            var field = ISpringStore.FindField(name) ?? throw new ISpringApiError(400, $"Unknown profile field '{name}'.");
            return new KeyValuePair<string, IReadOnlyList<string>>(field.Name, ISpringRequest.RequiredStringList(filter, "values"));
        }).ToList();
    }
}
