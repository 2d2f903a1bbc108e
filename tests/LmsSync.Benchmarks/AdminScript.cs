using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;

namespace LmsSync.Benchmarks;

/// <summary>
/// The baseline of the initial-sync benchmark: what a hand-written admin script does, with plain HttpClient against
/// the LMS's wire API (not LmsSync's clients) — for each Salesforce user, one request at a time: look the user up
/// by email, create or update, then add to each group one call at a time.
/// </summary>
internal abstract class AdminScript : IDisposable
{
    /// <summary>The Salesforce fields the scripts read (those the default mappings use).</summary>
    public const string Soql = "SELECT Id, Email, FirstName, LastName, Name, Title, Department, Division, CompanyName, MobilePhone, Phone, Country, EmployeeNumber " +
                               "FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY Id";

    protected AdminScript(string baseUrl)
    {
        Http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        Http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
    }

    protected HttpClient Http { get; }

    public static AdminScript For(LmsKind kind, JsonObject info) => kind switch
    {
        LmsKind.ISpring => new ISpringAdminScript(info),
        LmsKind.SkyPrep => new SkyPrepAdminScript(info),
        _ => new ScimAdminScript(info),
    };

    public virtual Task SignInAsync() => Task.CompletedTask;

    public abstract Task SyncUserAsync(JsonObject user);

    protected static string Email(JsonObject user) => (PlainSalesforce.Text(user, "Email") ?? "").Trim().ToLowerInvariant();

    protected static async Task<HttpResponseMessage> Checked(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public void Dispose() => Http.Dispose();
}
