using System;
using System.Security;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// A signed-in session: where to call (<see cref="InstanceUrl"/>) and the access token (kept as a
    /// SecureString, revealed per request). Nothing here prints the token.
    /// </summary>
    public sealed class SalesforceSession
    {
        internal SalesforceSession(Uri instanceUrl, SecureString accessToken, string? identityUrl, DateTimeOffset? issuedAt, string? scope, int generation)
        {
            InstanceUrl = instanceUrl;
            AccessToken = accessToken;
            IdentityUrl = identityUrl;
            IssuedAt = issuedAt;
            Scope = scope;
            Generation = generation;
            ParseIdentity(identityUrl, out var orgId, out var userId);
            OrganizationId = orgId;
            UserId = userId;
        }

        /// <summary>The <c>instance_url</c> Salesforce returned; every API call goes here.</summary>
        public Uri InstanceUrl { get; }

        /// <summary>The identity URL (<c>…/id/{orgId}/{userId}</c>).</summary>
        public string? IdentityUrl { get; }

        public string? OrganizationId { get; }

        /// <summary>The signed-in (integration / Run As) user's Id.</summary>
        public string? UserId { get; }

        public DateTimeOffset? IssuedAt { get; }

        public string? Scope { get; }

        /// <summary>1 for the first sign-in, +1 for each re-sign-in (so callers can tell a renewed session).</summary>
        public int Generation { get; }

        internal SecureString AccessToken { get; }

        public override string ToString() => $"Salesforce session #{Generation} at {InstanceUrl.GetLeftPart(UriPartial.Authority)}";

        private static void ParseIdentity(string? identityUrl, out string? orgId, out string? userId)
        {
            orgId = userId = null;
            if (identityUrl == null || !Uri.TryCreate(identityUrl, UriKind.Absolute, out var uri)) return;
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            for (var i = 0; i + 2 < segments.Length; i++)
            {
                if (!string.Equals(segments[i], "id", StringComparison.OrdinalIgnoreCase)) continue;
                orgId = segments[i + 1];
                userId = segments[i + 2];
                return;
            }
        }
    }
}
