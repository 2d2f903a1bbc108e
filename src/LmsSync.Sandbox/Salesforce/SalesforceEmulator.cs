using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.Salesforce.Admin;
using LmsSync.Sandbox.Salesforce.Auth;
using LmsSync.Sandbox.Salesforce.Bulk;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Rest;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>
/// A local Salesforce org: the OAuth token endpoint (both hosts), the REST data API (versions,
/// query/queryAll/queryMore, describe, limits, Bulk 2.0 query jobs) over the seeded in-memory org, and its admin API
/// under <c>/__admin/salesforce/</c>. Tests reach the same controls in-process through this object.
/// </summary>
public sealed class SalesforceEmulator : ISandboxEmulator
{
    private readonly object _settingsGate = new();
    private volatile SfOrg _org;
    private volatile SalesforceSettings _settings;
    private int _seed;
    private int _revokeAfterPages;

    public SalesforceEmulator(SandboxContext context)
    {
        Context = context;
        _seed = context.Options.Seed;
        Credentials = SalesforceCredentials.Generate(context.DataDirectory);
        OrgId = SalesforceIdFormat.Make("00D", 0x3E8_0000L + context.Options.Seed);
        Tokens = new TokenStore(OrgId);
        Tokens.AddRefreshToken(Credentials.RefreshToken, Credentials.Username);
        _org = OrgSeeding.Create(context.Options.Users, _seed, () => context.Clock.UtcNow);
        // Enterprise Edition's allocation: 100,000 + 1,000 per user licence.
        _settings = new SalesforceSettings { DailyApiLimit = 100_000 + 1_000 * context.Options.Users };
        Faults = new SalesforceFaults(context.Faults);
    }

    public string Name => "salesforce";

    public SandboxContext Context { get; }
    public SandboxClock Clock => Context.Clock;

    /// <summary>This run's test-only secrets (also in sandbox.json).</summary>
    public SalesforceCredentials Credentials { get; }

    /// <summary>The 18-character organization id (00D…), part of every identity URL and access token.</summary>
    public string OrgId { get; }

    public TokenStore Tokens { get; }
    public ApiUsage ApiUsage { get; } = new();
    internal QueryCursorStore Cursors { get; } = new();
    internal BulkJobStore BulkJobs { get; } = new();

    /// <summary>Bulk result pages as sent, for later jobs over the same rows.</summary>
    internal BulkPageCache BulkPages { get; } = new();

    /// <summary>Shortcuts that add Salesforce-shaped fault rules to the shared injector.</summary>
    public SalesforceFaults Faults { get; }

    public SfOrg Org => _org;
    public int Seed => Volatile.Read(ref _seed);
    public SalesforceSettings Settings => _settings;

    /// <summary>Changes settings atomically, e.g. <c>Configure(s =&gt; s with { PasswordFlowBlocked = true })</c>.</summary>
    public SalesforceSettings Configure(Func<SalesforceSettings, SalesforceSettings> change)
    {
        lock (_settingsGate)
        {
            var next = change(_settings);
            next.Validate();
            _settings = next;
            return next;
        }
    }

    /// <summary>The session behind an access token, or null when there is none (unknown, revoked, expired).</summary>
    public IssuedToken? FindSession(string? accessToken) =>
        string.IsNullOrEmpty(accessToken) ? null : Tokens.Find(accessToken, Clock.UtcNow, Settings.TokenLifetime);

    /// <summary>Ends every session now: the next REST call with any token gets 401 INVALID_SESSION_ID.</summary>
    public int RevokeAllTokens()
    {
        Volatile.Write(ref _revokeAfterPages, 0);
        return Tokens.RevokeAllAccessTokens();
    }

    /// <summary>Ends every session once <paramref name="pages"/> more query pages (REST or Bulk results) have been served (401 in the middle of paging).</summary>
    public void RevokeTokensAfterPages(int pages)
    {
        if (pages <= 0) RevokeAllTokens();
        else Volatile.Write(ref _revokeAfterPages, pages);
    }

    internal void OnQueryPageServed()
    {
        while (true)
        {
            var left = Volatile.Read(ref _revokeAfterPages);
            if (left <= 0) return;
            if (Interlocked.CompareExchange(ref _revokeAfterPages, left - 1, left) != left) continue;
            if (left == 1) Tokens.RevokeAllAccessTokens();
            return;
        }
    }

    /// <summary>Replaces the org with freshly seeded data; open cursors die, sessions and credentials stay.</summary>
    public void Reseed(int? users = null, int? seed = null)
    {
        var count = users ?? Context.Options.Users;
        if (count is < 10 or > 500_000) throw new ArgumentException($"users must be 10..500000, not {count}.");
        var newSeed = seed ?? Seed;
        _org = OrgSeeding.Create(count, newSeed, () => Context.Clock.UtcNow);
        Volatile.Write(ref _seed, newSeed);
        Cursors.Clear();
    }

    public SfRow InsertUser(IReadOnlyDictionary<string, object?> values) => Org.Insert("User", values);

    /// <summary>Updates a User (SystemModstamp moves on); deactivating one ends its sessions, as Salesforce does.</summary>
    public SfRow UpdateUser(string id, IReadOnlyDictionary<string, object?> values)
    {
        if (Org.Get(id) is not { ObjectName: "User" }) throw new SfOrgException("NOT_FOUND", "The requested resource does not exist");
        var row = Org.Update(id, values);
        if (row["IsActive"] is false) Tokens.RevokeUser(row.Id);
        return row;
    }

    public SfRow DeactivateUser(string id) => UpdateUser(id, new Dictionary<string, object?> { ["IsActive"] = false });

    /// <summary>A session for a user without a sign-in round trip, for tests that are not about sign-in.</summary>
    public IssuedToken IssueAccessToken(string? username = null)
    {
        var user = OrgUsers.FindByUsername(Org, username ?? Credentials.Username) ?? throw new ArgumentException($"No user '{username}'.", nameof(username));
        return Tokens.Issue(user.Id, user.Username, Clock.UtcNow);
    }

    public void Map(IEndpointRouteBuilder routes, SandboxContext context)
    {
        new TokenEndpoint(this).Map(routes);
        new IdentityEndpoint(this).Map(routes);
        new RestApi(this).Map(routes);
        SalesforceAdminApi.Map(routes, this);
    }

    public JsonObject DescribeForInfoFile(SandboxContext context) => new()
    {
        ["loginUrl"] = context.LoginUrl,
        ["instanceUrl"] = context.BaseUrl,
        ["apiVersion"] = ApiVersions.Default,
        ["audience"] = Settings.AcceptedAudience,
        ["clientId"] = Credentials.ClientId,
        ["clientSecret"] = Credentials.ClientSecret,
        ["username"] = Credentials.Username,
        ["password"] = Credentials.Password,
        ["securityToken"] = Credentials.SecurityToken,
        ["refreshToken"] = Credentials.RefreshToken,
        ["certificatePath"] = Credentials.CertificatePath,
        ["certificatePassword"] = Credentials.CertificatePassword,
        ["privateKeyPath"] = Credentials.PrivateKeyPath,
        ["orgId"] = OrgId,
        ["adminUrl"] = context.BaseUrl + "/__admin/salesforce",
    };
}
