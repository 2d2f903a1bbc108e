using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LmsSync.Sandbox.ISpring;

/// <summary>The wire shapes of the spec's User, Department, Group, DetailedGroup and UserFieldInfo.</summary>
internal static class ISpringJson
{
    /// <summary>Fixed role ids per built-in role (the account's <c>GET /role</c> would list them).</summary>
    private static readonly Dictionary<string, string> RoleIds = new()
    {
        ["learner"] = "00000000-0000-4000-9000-000000000001",
        ["administrator"] = "00000000-0000-4000-9000-000000000002",
        ["department_administrator"] = "00000000-0000-4000-9000-000000000003",
        ["publisher"] = "00000000-0000-4000-9000-000000000004",
    };

    /// <summary>A user as a DOM (single-user answers, XML): the JSON <see cref="WriteUser"/> writes, parsed back, so the shape is defined once.</summary>
    public static JsonObject User(ISpringUserView view, ISpringFieldsShape shape)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) WriteUser(writer, view, shape);
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>
    /// A user straight to JSON, no DOM: a 1,000-user page built as JsonObjects cost the emulator 20–40 ms. The
    /// writer's default encoder escapes exactly as <see cref="JsonNode.ToJsonString"/> does, so the bytes are the same.
    /// </summary>
    public static void WriteUser(Utf8JsonWriter w, ISpringUserView view, ISpringFieldsShape shape)
    {
        var u = view.User;
        var roleId = RoleIds.TryGetValue(u.Role, out var id) ? id : RoleIds["learner"];
        w.WriteStartObject();
        w.WriteString("userId", u.UserId);
        w.WriteString("role", u.Role);
        w.WriteString("roleId", roleId);
        w.WriteString("departmentId", u.DepartmentId);
        w.WriteNumber("status", u.Status);
        w.WritePropertyName("fields");
        WriteFields(w, u, shape);
        w.WriteString("addedDate", Date(u.AddedDate));
        if (u.LastLoginDate is { } last) w.WriteString("lastLoginDate", Date(last));
        else w.WriteNull("lastLoginDate");
        w.WriteStartArray("manageableDepartmentIds");
        w.WriteEndArray();
        w.WriteStartArray("userRoles");
        w.WriteStartObject();
        w.WriteString("roleId", roleId);
        w.WriteString("roleType", u.Role);
        w.WriteStartArray("manageableDepartmentIds");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("groups");
        foreach (var groupId in view.GroupIds) w.WriteStringValue(groupId);
        w.WriteEndArray();
        WriteNoSupervisor(w, "subordination");
        WriteNoSupervisor(w, "coSubordination");
        w.WriteEndObject();
    }

    /// <summary>Array form: <c>[{name:"EMAIL",value}]</c> in catalogue order; object form: <c>{"email":…}</c>.</summary>
    private static void WriteFields(Utf8JsonWriter w, ISpringUserRecord u, ISpringFieldsShape shape)
    {
        if (shape == ISpringFieldsShape.Object) w.WriteStartObject();
        else w.WriteStartArray();
        foreach (var f in ISpringStore.ProfileFields)
        {
            if (!u.Fields.TryGetValue(f.Name, out var value)) continue;
            if (shape == ISpringFieldsShape.Object)
            {
                w.WriteString(f.Name, value);
                continue;
            }
            w.WriteStartObject();
            w.WriteString("name", f.ArrayName);
            w.WriteString("value", value);
            w.WriteEndObject();
        }
        if (shape == ISpringFieldsShape.Object) w.WriteEndObject();
        else w.WriteEndArray();
    }

    private static void WriteNoSupervisor(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteString("subordinationType", "no_supervisor");
        w.WriteEndObject();
    }

    public static JsonObject Department(ISpringDepartmentRecord d) => new()
    {
        ["departmentId"] = d.DepartmentId,
        ["name"] = d.Name,
        ["parentDepartmentId"] = d.ParentDepartmentId,
        ["code"] = d.Code,
        ["subordination"] = NoSupervisor(),
        ["coSubordination"] = NoSupervisor(),
    };

    public static JsonObject Group(ISpringGroupRecord g) => new()
    {
        ["groupId"] = g.GroupId,
        ["name"] = g.Name,
        ["isSmart"] = g.IsSmart,
    };

    public static JsonObject DetailedGroup(ISpringGroupRecord g) => new()
    {
        ["usersCount"] = g.UserIds.Count,
        ["groupId"] = g.GroupId,
        ["userIds"] = Ids(g.UserIds),
        ["name"] = g.Name,
        ["isSmart"] = g.IsSmart,
    };

    public static JsonObject ProfileField(ISpringProfileField f) => new()
    {
        ["userFieldInfoId"] = f.ArrayName,
        ["name"] = f.Name,
        ["label"] = f.Label,
        ["type"] = f.Type,
        ["isUnique"] = f.IsUnique ? 1 : 0,
        ["isRequired"] = f.IsRequired ? 1 : 0,
        ["orderPriority"] = f.OrderPriority,
        ["values"] = new JsonArray(),
    };

    public static JsonArray Ids(IEnumerable<string> ids) => new(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    /// <summary>ISO 8601 UTC to the second; the spec says only "datetime".</summary>
    private static string Date(System.DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject NoSupervisor() => new() { ["subordinationType"] = "no_supervisor" };
}
