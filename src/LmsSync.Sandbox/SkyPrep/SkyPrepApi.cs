using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// The RPC methods (<c>/admin/api/&lt;method&gt;</c>), dispatched by name against <see cref="SkyPrepState"/>.
/// Unknown parameters are ignored, as a permissive RPC server does: a client that sends the wrong name
/// "succeeds" but changes nothing, which the contract tests catch by reading the state back.
/// </summary>
internal sealed class SkyPrepApi(SkyPrepState state, Func<SkyPrepBehaviour> behaviour, SandboxClock clock)
{
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal) { "admin", "learner", "content_manager", "manager" };
    private static readonly Regex EmailShape = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

    public SkyPrepAnswer Handle(SkyPrepCall call)
    {
        var b = behaviour();
        try
        {
            lock (state.Gate) return Dispatch(call, b);
        }
        catch (FormatException e)
        {
            return SkyPrepAnswer.Error(b.ValidationStatus, e.Message, b.ErrorShape);
        }
    }

    private SkyPrepAnswer Dispatch(SkyPrepCall call, SkyPrepBehaviour b)
    {
        var method = call.Method;
        if (method == b.AddUsersToGroupMethod) return ChangeMembership(call, b, add: true);
        if (method == b.RemoveUsersFromGroupMethod) return ChangeMembership(call, b, add: false);
        if (b.Deactivation == SkyPrepDeactivationStyle.DedicatedMethods)
        {
            if (method == b.DeactivateMethod) return SetActive(call, b, false);
            if (method == b.ReactivateMethod) return SetActive(call, b, true);
        }
        return method switch
        {
            "test_connection" => SkyPrepAnswer.Success(),
            "get_users" => List(call, b, state.UsersUnlocked.OrderBy(u => u.Id).Select(u => UserJson(u, b)), "users"),
            "get_user" => GetUser(call, b),
            "create_user" => CreateUser(call, b),
            "update_user" => UpdateUser(call, b),
            "destroy_user" => DestroyUser(call, b),
            "get_user_groups" => GetGroups(call, b),
            "get_user_group" => GetGroup(call, b),
            "create_user_group" => CreateGroup(call, b),
            _ => NotFound(b, $"Unknown API method '{method}'."),
        };
    }

    // ---- users ----

    private SkyPrepAnswer GetUser(SkyPrepCall call, SkyPrepBehaviour b)
    {
        SkyPrepUserRecord? user;
        if (call.GetInt("user_id") is { } id) user = state.UsersUnlocked.FirstOrDefault(u => u.Id == id);
        else if (b.GetUserAcceptsEmail && !string.IsNullOrWhiteSpace(call.Get(b.UserEmailParameter)))
            user = FindByEmail(call.Get(b.UserEmailParameter)!.Trim(), b);
        else if (b.GetUserAcceptsSalesforceId && !string.IsNullOrWhiteSpace(call.Get(b.SalesforceIdField)))
            user = state.UsersUnlocked.FirstOrDefault(u => u.SalesforceId == call.Get(b.SalesforceIdField)!.Trim());
        else return Invalid(b, "user_id is required.");
        return user is null ? NotFound(b, "User not found.") : SkyPrepAnswer.Ok(UserJson(user, b));
    }

    private SkyPrepAnswer CreateUser(SkyPrepCall call, SkyPrepBehaviour b)
    {
        var email = call.Get(b.EmailParameter)?.Trim();
        var first = call.Get("first_name")?.Trim();
        var last = call.Get("last_name")?.Trim();
        if (string.IsNullOrEmpty(email)) return Invalid(b, $"{b.EmailParameter} is required.");
        if (!EmailShape.IsMatch(email)) return Invalid(b, $"Email '{email}' is invalid.");
        if (string.IsNullOrEmpty(first)) return Invalid(b, "first_name is required.");
        if (string.IsNullOrEmpty(last)) return Invalid(b, "last_name is required.");
        var role = call.GetBool("admin") == true ? "admin" : Blank(call.Get("role")) ?? "learner";
        if (!Roles.Contains(role)) return Invalid(b, $"Role '{role}' is invalid; use admin, learner, content_manager or manager.");
        if (call.Get("password") is { Length: > 0 and < 8 }) return Invalid(b, "Password must be at least 8 characters.");
        if (FindByEmail(email, b) is not null) return Duplicate(b, "Email has already been taken.");
        var welcome = call.Has(b.WelcomeEmailParameter) ? call.GetBool(b.WelcomeEmailParameter) == true : b.WelcomeEmailWhenParameterAbsent;
        var notifications = call.GetBool("email_notifications");
        var labels = Labels(call, b);

        var now = clock.UtcNow;
        var user = state.AddUserUnlocked(now, email, first, last, role, u =>
        {
            u.Company = Blank(call.Get("company"));
            u.Cell = Blank(call.Get("cell"));
            u.Title = Blank(call.Get("title"));
            u.SalesforceId = Blank(call.Get(b.SalesforceIdField));
            u.EmailNotifications = notifications ?? true;
            foreach (var label in labels) if (label.Value.Length > 0) u.CustomLabels[label.Key] = label.Value;
        });
        if (welcome) state.RecordEmailUnlocked(user, "welcome", now);
        return SkyPrepAnswer.Ok(UserJson(user, b));
    }

    private SkyPrepAnswer UpdateUser(SkyPrepCall call, SkyPrepBehaviour b)
    {
        if (Lookup(call, b, out var user) is { } failed) return failed;
        if (call.Get(b.EmailParameter) is { } email)
        {
            email = email.Trim();
            if (!EmailShape.IsMatch(email)) return Invalid(b, $"Email '{email}' is invalid.");
            if (FindByEmail(email, b) is { } other && other.Id != user.Id) return Duplicate(b, "Email has already been taken.");
        }
        foreach (var name in new[] { "first_name", "last_name" })
            if (call.Get(name) is { } value && value.Trim().Length == 0) return Invalid(b, $"{name} can't be blank.");
        if (call.Get("role") is { } roleText && Blank(roleText) is { } role && !Roles.Contains(role)) return Invalid(b, $"Role '{role}' is invalid; use admin, learner, content_manager or manager.");
        bool? active = null;
        if (b.Deactivation == SkyPrepDeactivationStyle.StatusParameter && call.Get(b.StatusParameter) is { } status)
        {
            if (status == b.ActiveStatusValue) active = true;
            else if (status == b.InactiveStatusValue) active = false;
            else return Invalid(b, $"{b.StatusParameter} must be {b.ActiveStatusValue} or {b.InactiveStatusValue}.");
        }
        if (b.Deactivation == SkyPrepDeactivationStyle.DisabledFlag && call.GetBool(b.DisabledParameter) is { } disabled) active = !disabled;
        var notifications = call.GetBool("email_notifications");
        var labels = Labels(call, b);

        // Validated everything first, so a refused update changes nothing.
        if (call.Get(b.EmailParameter) is { } newEmail) user.Email = newEmail.Trim();
        if (call.Get("first_name") is { } first) user.FirstName = first.Trim();
        if (call.Get("last_name") is { } last) user.LastName = last.Trim();
        if (call.Get("role") is { } newRole) user.Role = Blank(newRole) ?? "learner";
        if (call.Has("company")) user.Company = Blank(call.Get("company"));
        if (call.Has("cell")) user.Cell = Blank(call.Get("cell"));
        if (call.Has("title")) user.Title = Blank(call.Get("title"));
        if (call.Has(b.SalesforceIdField)) user.SalesforceId = Blank(call.Get(b.SalesforceIdField));
        if (notifications is { } n) user.EmailNotifications = n;
        if (active is { } a) user.Active = a;
        foreach (var label in labels)
        {
            if (label.Value.Length == 0) user.CustomLabels.Remove(label.Key);
            else user.CustomLabels[label.Key] = label.Value;
        }
        return SkyPrepAnswer.Ok(UserJson(user, b));
    }

    private SkyPrepAnswer SetActive(SkyPrepCall call, SkyPrepBehaviour b, bool active)
    {
        if (Lookup(call, b, out var user) is { } failed) return failed;
        user.Active = active;
        return SkyPrepAnswer.Ok(UserJson(user, b));
    }

    private SkyPrepAnswer DestroyUser(SkyPrepCall call, SkyPrepBehaviour b)
    {
        if (Lookup(call, b, out var user) is { } failed) return failed;
        state.RemoveUserUnlocked(user);
        return SkyPrepAnswer.Success();
    }

    // ---- groups ----

    private SkyPrepAnswer GetGroups(SkyPrepCall call, SkyPrepBehaviour b)
    {
        IEnumerable<SkyPrepGroupRecord> groups = state.GroupsUnlocked.OrderBy(g => g.Id);
        if (b.GetUserGroupsFiltersByUser && call.Has("user_id"))
        {
            if (Lookup(call, b, out var user) is { } failed) return failed;
            groups = groups.Where(g => user.GroupIds.Contains(g.Id));
        }
        return List(call, b, groups.Select(GroupJson), "user_groups");
    }

    private SkyPrepAnswer GetGroup(SkyPrepCall call, SkyPrepBehaviour b)
    {
        var id = call.GetInt(b.GroupIdParameter);
        if (id is null) return Invalid(b, $"{b.GroupIdParameter} is required.");
        var group = state.GroupsUnlocked.FirstOrDefault(g => g.Id == id);
        return group is null ? NotFound(b, "User group not found.") : SkyPrepAnswer.Ok(GroupJson(group));
    }

    private SkyPrepAnswer CreateGroup(SkyPrepCall call, SkyPrepBehaviour b)
    {
        var name = call.Get(b.GroupNameParameter)?.Trim();
        if (string.IsNullOrEmpty(name)) return Invalid(b, $"{b.GroupNameParameter} is required.");
        if (state.GroupsUnlocked.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) return Duplicate(b, "Name has already been taken.");
        return SkyPrepAnswer.Ok(GroupJson(state.AddGroupUnlocked(name)));
    }

    private SkyPrepAnswer ChangeMembership(SkyPrepCall call, SkyPrepBehaviour b, bool add)
    {
        var groupId = call.GetInt(b.GroupIdParameter);
        if (groupId is null) return Invalid(b, $"{b.GroupIdParameter} is required.");
        var idsText = call.Get(b.MembershipUserIdsParameter);
        if (string.IsNullOrWhiteSpace(idsText)) return Invalid(b, $"{b.MembershipUserIdsParameter} is required.");
        var group = state.GroupsUnlocked.FirstOrDefault(g => g.Id == groupId);
        if (group is null) return NotFound(b, "User group not found.");
        var users = new List<SkyPrepUserRecord>();
        foreach (var part in idsText.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var id)) return Invalid(b, $"{b.MembershipUserIdsParameter} must be user ids separated by commas.");
            var user = state.UsersUnlocked.FirstOrDefault(u => u.Id == id);
            if (user is null) return NotFound(b, $"User {id} not found.");
            users.Add(user);
        }
        foreach (var user in users)
        {
            if (add) user.GroupIds.Add(group.Id);
            else user.GroupIds.Remove(group.Id);
        }
        return SkyPrepAnswer.Success();
    }

    // ---- shared ----

    private SkyPrepAnswer? Lookup(SkyPrepCall call, SkyPrepBehaviour b, out SkyPrepUserRecord user)
    {
        user = null!;
        var id = call.GetInt("user_id");
        if (id is null) return Invalid(b, "user_id is required.");
        var found = state.UsersUnlocked.FirstOrDefault(u => u.Id == id);
        if (found is null) return NotFound(b, "User not found.");
        user = found;
        return null;
    }

    private static SkyPrepAnswer List(SkyPrepCall call, SkyPrepBehaviour b, IEnumerable<JsonNode> rows, string envelope)
    {
        var selected = rows;
        if (b.Paging)
        {
            var page = call.GetInt(b.PageParameter) ?? 1;
            var perPage = call.GetInt(b.PerPageParameter) ?? b.DefaultPerPage;
            if (page < 1) return Invalid(b, $"{b.PageParameter} must be 1 or more.");
            if (perPage < 1) return Invalid(b, $"{b.PerPageParameter} must be 1 or more.");
            perPage = Math.Min(perPage, b.MaxPerPage);
            selected = rows.Skip((page - 1) * perPage).Take(perPage);
        }
        var array = new JsonArray(selected.ToArray());
        return SkyPrepAnswer.Ok(b.WrapLists ? new JsonObject { [envelope] = array } : array);
    }

    private SkyPrepUserRecord? FindByEmail(string email, SkyPrepBehaviour b) =>
        state.UsersUnlocked.FirstOrDefault(u => string.Equals(u.Email, email, b.EmailsCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    private static Dictionary<string, string> Labels(SkyPrepCall call, SkyPrepBehaviour b)
    {
        var format = b.CustomLabelParameterFormat;
        var at = format.IndexOf("{0}", StringComparison.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (at < 0) return labels;
        var prefix = format[..at];
        var suffix = format[(at + 3)..];
        foreach (var pair in call.Values)
        {
            if (pair.Key.Length > prefix.Length + suffix.Length && pair.Key.StartsWith(prefix, StringComparison.Ordinal) && pair.Key.EndsWith(suffix, StringComparison.Ordinal))
                labels[pair.Key[prefix.Length..^suffix.Length]] = pair.Value.Trim();
        }
        return labels;
    }

    private JsonObject UserJson(SkyPrepUserRecord u, SkyPrepBehaviour b)
    {
        var json = new JsonObject
        {
            ["id"] = u.Id,
            ["email"] = u.Email,
            ["first_name"] = u.FirstName,
            ["last_name"] = u.LastName,
            ["role"] = u.Role,
            ["company"] = u.Company,
            ["cell"] = u.Cell,
            ["title"] = u.Title,
            [b.SalesforceIdField] = u.SalesforceId,
            ["email_notifications"] = u.EmailNotifications,
        };
        if (b.Deactivation == SkyPrepDeactivationStyle.DisabledFlag) json[b.DisabledParameter] = !u.Active;
        else json[b.StatusParameter] = u.Active ? b.ActiveStatusValue : b.InactiveStatusValue;
        var labels = new JsonObject();
        foreach (var label in u.CustomLabels.OrderBy(l => l.Key, StringComparer.OrdinalIgnoreCase)) labels[label.Key] = label.Value;
        json[b.CustomLabelsField] = labels;
        if (b.UserObjectListsGroups)
        {
            var groups = new JsonArray();
            foreach (var group in state.GroupsUnlocked.Where(g => u.GroupIds.Contains(g.Id)).OrderBy(g => g.Id)) groups.Add(GroupJson(group));
            json[b.UserGroupsField] = groups;
        }
        return json;
    }

    private static JsonObject GroupJson(SkyPrepGroupRecord g) => new() { ["id"] = g.Id, ["name"] = g.Name };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static SkyPrepAnswer Invalid(SkyPrepBehaviour b, string message) => SkyPrepAnswer.Error(b.ValidationStatus, message, b.ErrorShape);
    private static SkyPrepAnswer Duplicate(SkyPrepBehaviour b, string message) => SkyPrepAnswer.Error(b.DuplicateStatus, message, b.ErrorShape);
    private static SkyPrepAnswer NotFound(SkyPrepBehaviour b, string message) => SkyPrepAnswer.Error(b.NotFoundStatus, message, b.ErrorShape);
}
