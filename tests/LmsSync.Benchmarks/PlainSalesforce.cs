using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>
/// What a hand-written admin script does to read Salesforce: sign in (client credentials), run one SOQL query and
/// follow nextRecordsUrl. Plain HttpClient, not LmsSync's client.
/// </summary>
internal static class PlainSalesforce
{
    public static async Task<List<JsonObject>> QueryAsync(JsonObject info, string soql)
    {
        var salesforce = info["salesforce"]!;
        var instance = (string)salesforce["instanceUrl"]!;
        using var http = new HttpClient { BaseAddress = new Uri(instance), Timeout = TimeSpan.FromMinutes(5) };
        using var token = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = (string)salesforce["clientId"]!,
            ["client_secret"] = (string)salesforce["clientSecret"]!,
        }));
        token.EnsureSuccessStatusCode();
        var answer = (await token.Content.ReadFromJsonAsync<JsonObject>())!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)answer["access_token"]!);

        var records = new List<JsonObject>();
        string? next = $"/services/data/v{(string)salesforce["apiVersion"]!}/query?q={Uri.EscapeDataString(soql)}";
        while (next != null)
        {
            var page = (await http.GetFromJsonAsync<JsonObject>(next))!;
            foreach (var record in page["records"]!.AsArray()) records.Add(record!.AsObject());
            next = page["done"]?.GetValue<bool>() == true ? null : (string?)page["nextRecordsUrl"];
        }
        return records;
    }

    /// <summary>A field of a query record as text; null when absent or null.</summary>
    public static string? Text(JsonObject record, string field) => record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
