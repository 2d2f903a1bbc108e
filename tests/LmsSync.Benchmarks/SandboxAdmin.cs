using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LmsSync.Benchmarks;

/// <summary>The Sandbox's admin API (<c>/__admin</c>) as the benchmarks use it on a Sandbox process.</summary>
internal sealed class SandboxAdmin : IDisposable
{
    /// <summary>Every LMS emulator's routes (not Salesforce's): the fixed network latency applies to these only.</summary>
    public const string LmsPaths = "^/(ispring|skyprep|scim)/";

    private readonly HttpClient _http;

    public SandboxAdmin(string baseUrl)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>A fault rule of kind None: every LMS request waits <paramref name="ms"/> before it is answered.</summary>
    public async Task AddLmsLatencyAsync(int ms)
    {
        using var response = await _http.PostAsJsonAsync("/__admin/faults", new { pathPattern = LmsPaths, kind = "None", delayMs = ms });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Fills an LMS emulator with <paramref name="users"/> learners through its admin seeding route.</summary>
    public async Task SeedLmsUsersAsync(string lms, int users)
    {
        using var response = lms == "scim"
            ? await _http.PostAsJsonAsync("/__admin/scim/seed", new { users })
            : await _http.PostAsync("/__admin/" + lms + "/seed?learners=" + users.ToString(CultureInfo.InvariantCulture), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearRequestsAsync() => (await _http.DeleteAsync("/__admin/requests")).EnsureSuccessStatusCode();

    /// <summary>The logged requests to one emulator since the log was last cleared.</summary>
    public async Task<RequestCounts> RequestsAsync(string emulator)
    {
        var log = await _http.GetFromJsonAsync<JsonArray>("/__admin/requests?emulator=" + Uri.EscapeDataString(emulator)) ?? new JsonArray();
        var counts = new RequestCounts();
        foreach (var entry in log)
            counts.Add((string)entry!["method"]!, (string)entry["path"]!, (int)entry["status"]!);
        return counts;
    }

    /// <summary>Changes fields of a Salesforce user as an admin would (moves its SystemModstamp).</summary>
    public async Task UpdateSalesforceUserAsync(string id, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await _http.PostAsJsonAsync("/__admin/salesforce/users/" + Uri.EscapeDataString(id), fields);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Updating Salesforce user {id} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Requests to one emulator: all, reads (GET, and the list calls sent as POST), and answers 429.</summary>
internal sealed class RequestCounts
{
    public int Total { get; private set; }
    public int Reads { get; private set; }
    public int TooManyRequests { get; private set; }
    public int Writes => Total - Reads;

    public void Add(string method, string path, int status)
    {
        Total++;
        if (status == 429) TooManyRequests++;
        if (IsRead(method, path)) Reads++;
    }

    /// <summary>GET, plus the POSTs that only read: iSpring's list calls, SCIM /.search, SkyPrep's get_* methods and token calls.</summary>
    private static bool IsRead(string method, string path)
    {
        if (string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase)) return true;
        var bare = path.Split('?')[0];
        return bare.EndsWith("/users/v2", StringComparison.Ordinal) || bare.EndsWith("/user/list", StringComparison.Ordinal) ||
               bare.EndsWith("/.search", StringComparison.Ordinal) || bare.Contains("/admin/api/get_", StringComparison.Ordinal) ||
               bare.EndsWith("/admin/api/test_connection", StringComparison.Ordinal) || bare.EndsWith("/token", StringComparison.Ordinal);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:N0} calls ({1:N0} reads, {2:N0} writes)", Total, Reads, Writes);
}
