using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Rows for linked LMS users whose Salesforce user was not read: deactivated as NotInSalesforce only when
    /// DeactivateMissingUsers is on and the read was complete. Links to LMS users that no longer exist are stale.
    /// </summary>
    internal sealed class MissingUsers
    {
        private readonly SyncOptions _options;
        private readonly bool _readComplete;
        private readonly Matcher _matcher;

        public MissingUsers(SyncOptions options, bool readComplete, Matcher matcher)
        {
            _options = options;
            _readComplete = readComplete;
            _matcher = matcher;
        }

        [MethodImpl(Jit.Optimized)]
        public void AddRows(IReadOnlyList<Link> links, IReadOnlyDictionary<string, int> read, List<PlanRow> rows, List<Link> staleLinks, PerUser perUser)
        {
            // Per link, in chunks on every core for many links; each chunk's rows and stale links are added in chunk
            // order, as a sequential pass would have added them.
            var found = perUser.Map(links.Count, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                var mine = new Found();
                for (var i = from; i < to; i++)
                {
                    var link = links[i];
                    if (read.ContainsKey(link.SalesforceId)) continue;
                    var user = _matcher.UserById(link.LmsId);
                    if (user == null) mine.StaleLinks.Add(link);
                    else mine.Rows.Add(RowFor(link, user));
                }
                return mine;
            });
            foreach (var chunk in found)
            {
                rows.AddRange(chunk.Rows);
                staleLinks.AddRange(chunk.StaleLinks);
            }
        }

        /// <summary>One chunk's rows and stale links.</summary>
        private sealed class Found
        {
            public List<PlanRow> Rows { get; } = new List<PlanRow>();
            public List<Link> StaleLinks { get; } = new List<Link>();
        }

        [MethodImpl(Jit.Optimized)]
        private PlanRow RowFor(Link link, LmsUser user)
        {
            var row = new PlanRow(PlanAction.Skip, link.SalesforceId, user.LmsId, user.Email ?? user.Login, user.Email) { MatchedBy = MatchMethod.Link };
            if (user.IsAdmin)
                row.Reason = "not in Salesforce, but an LMS administrator; administrators are never changed by the integration";
            else if (!user.Active)
            {
                row.Action = PlanAction.NoChange;
                row.Reason = "not in Salesforce; already deactivated in the LMS";
            }
            else if (!_readComplete)
                row.Reason = "not in this Salesforce read, but the read was incomplete, so nobody is deactivated as NotInSalesforce";
            else if (!_options.DeactivateMissingUsers)
                row.Reason = "not in Salesforce; the LMS user stays active because DeactivateMissingUsers is off";
            else
            {
                row.Action = PlanAction.Deactivate;
                row.DeactivationReason = DeactivationReason.NotInSalesforce;
                row.Reason = "no longer in Salesforce";
            }
            return row;
        }
    }
}
