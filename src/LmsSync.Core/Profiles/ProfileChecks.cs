using System;
using LmsSync.Core.Http;

namespace LmsSync.Core.Profiles
{
    /// <summary>Checks on a profile's settings that need no network: URLs present, absolute and https (plain http only to this machine).</summary>
    public static class ProfileChecks
    {
        public static void RequireSecureUrls(SfLmsProfile profile)
        {
            RequireSecure(profile.Salesforce.Url, "The Salesforce URL");
            RequireSecure(profile.Lms.Url, $"The {profile.Lms.Kind} URL");
        }

        public static Uri RequireSecure(string? url, string what)
        {
            if (string.IsNullOrWhiteSpace(url))
                throw new ProfileException(ProfileErrorKind.Invalid, $"{what} is missing; give it as https://host[/path].");
            if (!Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ProfileException(ProfileErrorKind.Invalid, $"{what} '{url}' is not an absolute https:// URL.");
            try
            {
                return EndpointGuard.RequireSecure(url!.Trim(), what);
            }
            catch (ArgumentException e)
            {
                throw new ProfileException(ProfileErrorKind.InsecureEndpoint, e.Message, e);
            }
        }
    }
}
