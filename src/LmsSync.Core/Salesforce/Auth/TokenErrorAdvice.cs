using System;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// What to fix for each token-endpoint error (reference §2.9). Salesforce's descriptions are terse and
    /// shared between causes; the advice names the setting to check.
    /// </summary>
    internal static class TokenErrorAdvice
    {
        public static string For(string? error, string? description, string flow, LoginTarget target)
        {
            var e = (error ?? "").Trim().ToLowerInvariant();
            var d = (description ?? "").Trim().ToLowerInvariant();
            var jwt = flow == "JWT bearer";
            var password = flow == "username-password";

            if (d.Contains("audience is invalid"))
                return $"The JWT audience was {target.Audience}. It must be https://test.salesforce.com for a sandbox and https://login.salesforce.com for production (it is derived from the login URL; set the audience explicitly if the org is a sandbox on a custom domain).";
            if (d.Contains("hasn't approved") || d.Contains("has not approved"))
                return "The user is not pre-authorized for the connected app: set its policy 'Permitted Users' to 'Admin approved users are pre-authorized' and assign the app to the user's profile or a permission set.";
            if (d.Contains("invalid assertion") || d.Contains("invalid signature"))
                return "Salesforce could not verify the signed JWT: the certificate uploaded to the connected app ('Use digital signatures') must match the private key used here, and the client id must be that app's consumer key.";
            if (d.Contains("expired authorization code"))
                return jwt
                    ? "Salesforce rejected the JWT's expiry time: this machine's clock is probably wrong. Synchronize the clock (NTP) and try again."
                    : "The authorization code expired or was already used; sign in interactively again.";
            if (d.Contains("expired access/refresh token") || (e == "invalid_grant" && flow == "refresh token"))
                return "The refresh token was revoked, expired under the connected app's refresh token policy, or replaced by rotation. Sign in interactively again to get a new one, or use the JWT bearer or client credentials flow for unattended runs.";
            if (d.Contains("inactive user") || d.Contains("user is inactive") || d.Contains("frozen"))
                return "The integration user is deactivated or frozen in Salesforce. Reactivate or unfreeze it (Setup > Users), or sign in as another user.";
            if (d.Contains("not supported on this domain"))
                return "Client credentials work only at the org's My Domain URL (https://yourdomain.my.salesforce.com), not at login.salesforce.com or test.salesforce.com.";
            if (d.Contains("no client credentials user"))
                return "Set a Run As user for the client credentials flow on the connected app (Manage > Edit Policies > Client Credentials Flow).";
            if (d.Contains("not installed"))
                return "The External Client App is not installed in this org: install it (Setup > External Client App Manager) or use the org where it is installed.";
            if (e == "invalid_app_access" || d.Contains("admin approved"))
                return "The connected app admits only admin-approved users: assign it to the integration user's profile or a permission set.";
            if (e == "invalid_client_id" || d.Contains("client identifier invalid"))
                return "The client id is not a consumer key of a connected app in this org: copy the Consumer Key from the app (Setup > App Manager > View) and check the login URL points to the right org.";
            if (e == "invalid_client" || d.Contains("invalid client credentials"))
                return "The client secret does not match this client id: copy the Consumer Secret from the connected app again.";
            if (e == "unsupported_grant_type")
                return password
                    ? "The username-password flow is blocked in this org (the default since Summer '23; Setup > OAuth and OpenID Connect Settings). Use the JWT bearer flow or client credentials instead."
                    : $"The {flow} flow is not enabled for this connected app or org. Enable it on the app (e.g. 'Enable Client Credentials Flow'), or choose another flow.";
            if (d.Contains("authentication failure"))
                return password
                    ? "The username, password or security token is wrong, the username-password flow is blocked for the org, or the login IP is restricted. Reset the security token if the password changed; better, move to JWT or client credentials."
                    : "Salesforce refused the sign-in; check the username, the connected app's policies and IP restrictions.";
            if (e == "rate_limit_exceeded")
                return "Too many sign-ins in a short time. Wait a few minutes and try again.";
            if (e == "inactive_org")
                return "The org is locked, inactive or being migrated; ask the Salesforce administrator.";
            if (e == "invalid_request")
                return "The token request was malformed; this is a bug in LmsSync — please report it with the error above.";
            return "Check the login URL, the client id, the credential and the connected app's OAuth policies.";
        }
    }
}
