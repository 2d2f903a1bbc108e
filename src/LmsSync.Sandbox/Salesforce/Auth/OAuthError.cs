namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>
/// A token-endpoint refusal, <c>{"error":…,"error_description":…}</c> with the texts Salesforce
/// sends (salesforce-api.md §2.9). Clients match on these strings, so they are exact.
/// </summary>
public sealed record OAuthError(string Error, string Description)
{
    public static readonly OAuthError UnsupportedGrantType = new("unsupported_grant_type", "grant type not supported");
    public static readonly OAuthError InvalidClientId = new("invalid_client_id", "client identifier invalid");
    public static readonly OAuthError InvalidClientCredentials = new("invalid_client", "invalid client credentials");
    public static readonly OAuthError InvalidAssertion = new("invalid_grant", "invalid assertion");
    public static readonly OAuthError AudienceInvalid = new("invalid_grant", "audience is invalid");
    public static readonly OAuthError ExpiredAuthorizationCode = new("invalid_grant", "expired authorization code");
    public static readonly OAuthError UserNotApproved = new("invalid_grant", "user hasn't approved this consumer");
    public static readonly OAuthError InactiveUser = new("invalid_grant", "inactive user");
    public static readonly OAuthError AuthenticationFailure = new("invalid_grant", "authentication failure");
    public static readonly OAuthError ExpiredRefreshToken = new("invalid_grant", "expired access/refresh token");
    public static readonly OAuthError NotSupportedOnThisDomain = new("invalid_grant", "request not supported on this domain");
    public static readonly OAuthError NoClientCredentialsUser = new("invalid_grant", "no client credentials user enabled");
    public static readonly OAuthError InvalidRevokeToken = new("invalid_token", "invalid token");
}
