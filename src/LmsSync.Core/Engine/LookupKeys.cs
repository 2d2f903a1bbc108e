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
        /// <summary>
        /// A lookup costs about one request per hundred keys of each kind (iSpring) or per fifty terms (SCIM), a full
        /// read one per page of 100–1000 users; past one changed user in this many managed ones, reading everyone is
        /// cheaper (a mass update in Salesforce moves every SystemModstamp).
        /// </summary>
        public const int ManagedUsersPerChangedUser = 20;

        public static LmsLookup For(IReadOnlyList<SourceUser> users, SyncState state, SyncConfiguration configuration, ILmsConnector lms)
        {
            if ((long)users.Count * ManagedUsersPerChangedUser > state.Links.Count) return LmsLookup.Everyone();
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
