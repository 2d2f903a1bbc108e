using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

    public static JsonObject User(ISpringUserView view, ISpringFieldsShape shape)
    {
        var u = view.User;
        var roleId = RoleIds.TryGetValue(u.Role, out var id) ? id : RoleIds["learner"];
        return new JsonObject
        {
            ["userId"] = u.UserId,
            ["role"] = u.Role,
            ["roleId"] = roleId,
            ["departmentId"] = u.DepartmentId,
            ["status"] = u.Status,
            ["fields"] = Fields(u, shape),
            ["addedDate"] = Date(u.AddedDate),
            ["lastLoginDate"] = u.LastLoginDate is { } last ? Date(last) : null,
            ["manageableDepartmentIds"] = new JsonArray(),
            ["userRoles"] = new JsonArray(new JsonObject { ["roleId"] = roleId, ["roleType"] = u.Role, ["manageableDepartmentIds"] = new JsonArray() }),
            ["groups"] = Ids(view.GroupIds),
            ["subordination"] = NoSupervisor(),
            ["coSubordination"] = NoSupervisor(),
        };
    }

    /// <summary>Array form: <c>[{name:"EMAIL",value}]</c> in catalogue order; object form: <c>{"email":…}</c>.</summary>
    private static JsonNode Fields(ISpringUserRecord u, ISpringFieldsShape shape)
    {
        var present = ISpringStore.ProfileFields.Where(f => u.Fields.ContainsKey(f.Name)).ToList();
        if (shape == ISpringFieldsShape.Object)
        {
            var obj = new JsonObject();
            foreach (var f in present) obj[f.Name] = u.Fields[f.Name];
            return obj;
        }
        return new JsonArray(present.Select(f => (JsonNode)new JsonObject { ["name"] = f.ArrayName, ["value"] = u.Fields[f.Name] }).ToArray());
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
