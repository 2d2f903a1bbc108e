using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// iSpring Learn by hand: token; departments and groups listed once (and created when missing); per user
/// <c>GET /user?emails[]=</c>, then <c>POST /user</c> or <c>POST /user/{id}</c>, then one <c>POST /user/{id}</c> with
/// <c>groupIds</c> per group (Division, split on ';').
/// </summary>
internal sealed class ISpringAdminScript(JsonObject info) : AdminScript((string)info["ispring"]!["url"]!)
{
    private readonly Dictionary<string, string> _departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _groups = new(StringComparer.OrdinalIgnoreCase);
    private string _root = "";

    public override async Task SignInAsync()
    {
        using var token = await Checked(Http.PostAsync("api/v3/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = (string)info["ispring"]!["clientId"]!,
            ["client_secret"] = (string)info["ispring"]!["clientSecret"]!,
            ["grant_type"] = "client_credentials",
        })));
        var body = (await token.Content.ReadFromJsonAsync<JsonObject>())!;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["access_token"]!);

        var departments = (await Http.GetFromJsonAsync<JsonObject>("department"))!["departments"]!.AsArray();
        foreach (var d in departments)
        {
            if (string.IsNullOrEmpty((string?)d!["parentDepartmentId"])) _root = (string)d["departmentId"]!;
            else _departments[(string)d["name"]!] = (string)d["departmentId"]!;
        }
        foreach (var g in (await Http.GetFromJsonAsync<JsonArray>("group"))!) _groups[(string)g!["name"]!] = (string)g["groupId"]!;
    }

    public override async Task SyncUserAsync(JsonObject user)
    {
        var email = Email(user);
        var found = (await Http.GetFromJsonAsync<JsonArray>("user?emails[]=" + Uri.EscapeDataString(email)))!;
        var fields = new JsonObject { ["login"] = email, ["email"] = email };
        foreach (var (field, source) in new[] { ("first_name", "FirstName"), ("last_name", "LastName"), ("job_title", "Title"), ("phone", "Phone"), ("country", "Country") })
            if (PlainSalesforce.Text(user, source) is { Length: > 0 } value) fields[field] = value;
        var department = await DepartmentAsync(PlainSalesforce.Text(user, "Department"));
        string id;
        if (found.Count == 0)
        {
            using var created = await Checked(Http.PostAsJsonAsync("user", new JsonObject { ["departmentId"] = department, ["fields"] = fields }));
            id = (await created.Content.ReadAsStringAsync()).Trim().Trim('"');
        }
        else
        {
            id = (string)found[0]!["userId"]!;
            using var _ = await Checked(Http.PostAsJsonAsync("user/" + id, new JsonObject { ["departmentId"] = department, ["fields"] = fields }));
        }
        var groups = (PlainSalesforce.Text(user, "Division") ?? "").Split(';').Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
        {
            var groupId = await GroupAsync(group);
            using var _ = await Checked(Http.PostAsJsonAsync("user/" + id, new JsonObject { ["groupIds"] = new JsonArray(groupId) }));
        }
    }

    private async Task<string> DepartmentAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return _root;
        if (_departments.TryGetValue(name, out var id)) return id;
        using var created = await Checked(Http.PostAsJsonAsync("department", new JsonObject { ["name"] = name, ["parentDepartmentId"] = _root }));
        return _departments[name] = (await created.Content.ReadAsStringAsync()).Trim().Trim('"');
    }

    private async Task<string> GroupAsync(string name)
    {
        if (_groups.TryGetValue(name, out var id)) return id;
        using var created = await Checked(Http.PostAsJsonAsync("group", new JsonObject { ["name"] = name }));
        return _groups[name] = (await created.Content.ReadAsStringAsync()).Trim().Trim('"');
    }
}
