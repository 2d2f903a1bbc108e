using System.Collections.Generic;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Every key the matcher (<see cref="Matcher"/>) could pair a Salesforce user with an LMS user by: the stored link's
    /// LMS id, the Salesforce Id (for the LMS's Salesforce Id field), and the mapped email and login — which are also the
    /// values identity collisions compare, so any LMS user already holding them is fetched too.
    /// </summary>
    internal static class LookupKeys
    {
        public static LmsLookup For(IReadOnlyList<SourceUser> users, SyncState state, SyncConfiguration configuration, ILmsConnector lms)
        {
            var links = new Dictionary<string, string>(state.Links.Count, SalesforceKeyComparer.Instance);
            foreach (var link in state.Links) links[link.SalesforceId] = link.LmsId;
            var mapper = new Mapper(configuration.Mapping, lms.Catalog, lms.Capabilities);
            var lookup = new LmsLookup();
            foreach (var user in users)
            {
                if (links.TryGetValue(user.SalesforceKey, out var lmsId)) lookup.AddLmsId(lmsId);
                lookup.AddSalesforceId(user.SalesforceId);
                var desired = mapper.Map(user);
                lookup.AddEmail(desired.Email).AddLogin(desired.Login);
            }
            return lookup;
        }
    }
}
