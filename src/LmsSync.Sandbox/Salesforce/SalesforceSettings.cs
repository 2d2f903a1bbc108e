using System;

namespace LmsSync.Sandbox.Salesforce;

/// <summary>
/// The org and connected-app policies a test can switch at run time (<c>/__admin/salesforce/settings</c>
/// or <see cref="SalesforceEmulator.Configure"/>). Immutable: a change swaps the whole object, so a
/// request sees one consistent set.
/// </summary>
public sealed record SalesforceSettings
{
    public const string ProductionAudience = "https://login.salesforce.com";
    public const string SandboxAudience = "https://test.salesforce.com";

    /// <summary>Salesforce blocks the username-password flow in orgs created Summer '23 or later; off here so legacy clients can be tested.</summary>
    public bool PasswordFlowBlocked { get; init; }

    /// <summary>The session timeout: an access token stops working this long after it was issued (Sandbox clock). Salesforce's default is 2 hours.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>DailyApiRequests cap; past it every REST call is refused with 403 REQUEST_LIMIT_EXCEEDED.</summary>
    public int DailyApiLimit { get; init; } = 100_000;

    /// <summary>When on, query pages are sometimes shorter than the batch size (reproducibly, from the seed), as real orgs do.</summary>
    public bool ShortPages { get; init; }

    /// <summary>The JWT <c>aud</c> this org accepts: production (login) by default, or sandbox (test).</summary>
    public string AcceptedAudience { get; init; } = ProductionAudience;

    /// <summary>Refresh token rotation: each refresh returns a new refresh token and invalidates the old one.</summary>
    public bool RefreshTokenRotation { get; init; }

    /// <summary>The client credentials flow's Run As user; null = none enabled (the flow then fails).</summary>
    public string? ClientCredentialsUser { get; init; } = Auth.SalesforceCredentials.IntegrationUsername;

    /// <summary>When set, Bulk 2.0 query jobs end <c>Failed</c> with this errorMessage instead of completing.</summary>
    public string? BulkQueryFailure { get; init; }

    /// <summary>
    /// How long a Bulk 2.0 query job takes to run on the Sandbox clock: a status read at least this long after the job
    /// was created finds it ended. Earlier reads move it one state per read (UploadComplete → InProgress → ended), so
    /// tests that poll at once stay deterministic. One second by default.
    /// </summary>
    public TimeSpan BulkJobRunTime { get; init; } = TimeSpan.FromSeconds(1);

    public void Validate()
    {
        if (TokenLifetime <= TimeSpan.Zero) throw new ArgumentException("tokenLifetimeSeconds must be positive.");
        if (DailyApiLimit < 0) throw new ArgumentException("dailyApiLimit cannot be negative.");
        if (AcceptedAudience is not (ProductionAudience or SandboxAudience))
        {
            throw new ArgumentException($"acceptedAudience must be {ProductionAudience} or {SandboxAudience}.");
        }
    }
}
