using System;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Models;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>Opens a profile into an <see cref="ActiveConnection"/>: both ends checked, the log routed to the running cmdlet.</summary>
    internal static class ConnectionOpener
    {
        public static async Task<ActiveConnection> OpenAsync(SfLmsProfile profile, ProfileSecrets secrets, bool saved, PipelineQueue queue, CancellationToken cancellationToken)
        {
            var log = new RoutedActivityLog();
            log.Attach(queue);
            var store = ProfileStore.Default();
            var options = new SessionOptions
            {
                Paths = store.Paths,
                // A rotated refresh token replaces the saved one at once: the old one no longer works.
                RefreshTokenRotated = token =>
                {
                    secrets.SalesforceRefreshToken = token;
                    if (saved) store.Save(profile, secrets);
                },
            };
            var session = await SessionFactory.OpenAsync(profile, secrets, log, cancellationToken, options).ConfigureAwait(false);
            var signedIn = session.Salesforce.Session;
            var info = new SfLmsConnection
            {
                Profile = profile.Name,
                SalesforceUrl = profile.Salesforce.Url,
                InstanceUrl = signedIn?.InstanceUrl.ToString().TrimEnd('/'),
                SignIn = profile.Salesforce.SignIn,
                SalesforceUser = profile.Salesforce.Username ?? signedIn?.UserId,
                OrganizationId = signedIn?.OrganizationId,
                ApiVersion = session.Salesforce.ApiVersion,
                LmsType = profile.Lms.Kind,
                LmsUrl = profile.Lms.Url,
                LmsOptions = ConnectionOptionSettings.From(profile.Name, profile.Lms),
                ConnectedAt = DateTimeOffset.Now,
                Saved = saved,
            };
            return new ActiveConnection(profile, secrets, session, log, info);
        }
    }
}
