using System;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// SCIM 2.0 by hand: per user <c>GET /Users?filter=userName eq "…"</c>, then <c>POST /Users</c> or <c>PUT /Users/{id}</c>
/// (the default SCIM mapping has no groups).
/// </summary>
internal sealed class ScimAdminScript : AdminScript
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public ScimAdminScript(JsonObject info) : base((string)info["scim"]!["url"]!)
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)info["scim"]!["token"]!);
    }

    public override async Task SyncUserAsync(JsonObject user)
    {
        var email = Email(user);
        var filter = Uri.EscapeDataString($"userName eq \"{email}\"");
        var found = (await Http.GetFromJsonAsync<JsonObject>("Users?filter=" + filter))!["Resources"]?.AsArray();
        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Enterprise),
            ["userName"] = email,
            ["name"] = new JsonObject { ["givenName"] = PlainSalesforce.Text(user, "FirstName"), ["familyName"] = PlainSalesforce.Text(user, "LastName") },
            ["displayName"] = PlainSalesforce.Text(user, "Name"),
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
            ["title"] = PlainSalesforce.Text(user, "Title"),
            ["active"] = true,
            [Enterprise] = new JsonObject { ["department"] = PlainSalesforce.Text(user, "Department"), ["employeeNumber"] = PlainSalesforce.Text(user, "EmployeeNumber") },
        };
        if (found == null || found.Count == 0) using (await Checked(Http.PostAsJsonAsync("Users", resource))) { }
        else using (await Checked(Http.PutAsJsonAsync("Users/" + (string)found[0]!["id"]!, resource))) { }
    }
}
