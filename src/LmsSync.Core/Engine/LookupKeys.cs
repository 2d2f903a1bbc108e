using System.Collections.Generic;
using LmsSync.Core.Lms.Connectors;
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

        /// <summary>
        /// The keys of the users read, from their evaluation (each was mapped as it arrived, so nobody is mapped twice).
        /// The links are scanned against the few changed users rather than indexed whole: a 1 % run reads some 1,000
        /// users against 80,000 links.
        /// </summary>
        public static LmsLookup For(SourceEvaluation users, SyncState state)
        {
            if ((long)users.Count * ManagedUsersPerChangedUser > state.Links.Count) return LmsLookup.Everyone();
            var read = new HashSet<string>(SalesforceKeyComparer.Instance);
            var lookup = new LmsLookup();
            for (var i = 0; i < users.Count; i++)
            {
                var user = users[i];
                read.Add(user.User.SalesforceId);
                lookup.AddSalesforceId(user.User.SalesforceId);
                lookup.AddEmail(user.Desired.Email).AddLogin(user.Desired.Login);
            }
            foreach (var link in state.Links)
                if (read.Contains(link.SalesforceId)) lookup.AddLmsId(link.LmsId);
            return lookup;
        }
    }
}
