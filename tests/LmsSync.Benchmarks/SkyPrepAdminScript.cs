using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// SkyPrep by hand: per user <c>get_user</c> with <c>user_email</c> (404 when there is none), then <c>create_user</c> or
/// <c>update_user</c>; credentials in the form body, as SkyPrep recommends (the default SkyPrep mapping has no groups).
/// </summary>
internal sealed class SkyPrepAdminScript(JsonObject info) : AdminScript((string)info["skyprep"]!["url"]!)
{
    public override async Task SyncUserAsync(JsonObject user)
    {
        var email = Email(user);
        using var lookup = await Http.PostAsync("admin/api/get_user", Form(new() { ["user_email"] = email }));
        var fields = new Dictionary<string, string>
        {
            ["user_email"] = email,
            ["first_name"] = PlainSalesforce.Text(user, "FirstName") is { Length: > 0 } first ? first : "-",
            ["last_name"] = PlainSalesforce.Text(user, "LastName") ?? "",
        };
        foreach (var (field, source) in new[] { ("company", "CompanyName"), ("title", "Title"), ("cell", "MobilePhone") })
            if (PlainSalesforce.Text(user, source) is { Length: > 0 } value) fields[field] = value;
        if (lookup.StatusCode == HttpStatusCode.NotFound)
        {
            fields["send_login_info"] = "false";
            using (await Checked(Http.PostAsync("admin/api/create_user", Form(fields)))) { }
            return;
        }
        lookup.EnsureSuccessStatusCode();
        fields["user_id"] = ((int)(await lookup.Content.ReadFromJsonAsync<JsonObject>())!["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (await Checked(Http.PostAsync("admin/api/update_user", Form(fields)))) { }
    }

    private FormUrlEncodedContent Form(Dictionary<string, string> fields)
    {
        fields["api_key"] = (string)info["skyprep"]!["apiKey"]!;
        fields["acct_key"] = (string)info["skyprep"]!["acctKey"]!;
        return new FormUrlEncodedContent(fields);
    }
}
