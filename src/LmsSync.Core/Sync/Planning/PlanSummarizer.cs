using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>Counts the plan and applies the deprovision guard.</summary>
    internal static class PlanSummarizer
    {
        [MethodImpl(Jit.Optimized)]
        public static PlanSummary Summarize(IReadOnlyList<PlanRow> rows, IReadOnlyList<OrgChange> orgChanges, PlanInput input, Matcher matcher, int staleLinks, PerUser perUser)
        {
            var summary = new PlanSummary { Enabled = input.Options.Enabled, SalesforceReadComplete = input.SalesforceReadComplete };
            foreach (var row in rows)
            {
                summary.Count(row.Action);
                summary.GroupJoins += row.GroupsToJoin.Count;
                summary.GroupLeaves += row.GroupsToLeave.Count;
                if (row.DepartmentChange != null && row.Action != PlanAction.Create) summary.DepartmentMoves++;
            }
            foreach (var change in orgChanges)
            {
                if (change.Kind == OrgChangeKind.CreateDepartment) summary.DepartmentsToCreate++;
                else if (change.Kind == OrgChangeKind.CreateGroup) summary.GroupsToCreate++;
                else summary.DepartmentsToDelete++;
            }
            // From a lookup snapshot most linked users were not fetched: every stored link counts (stale ones are found by full runs).
            if (!input.Lms.UsersComplete) summary.ManagedUsers = input.State.Links.Count;
            else summary.ManagedUsers = Existing(input.State.Links, matcher, perUser);
            var limit = input.Options.MaxDeprovision ?? DeprovisionLimit.Default;
            summary.MaxDeprovision = limit.ToString();
            summary.AllowedDeactivations = limit.AllowedFor(summary.ManagedUsers);
            if (!limit.Allows(summary.Deactivate, summary.ManagedUsers))
            {
                summary.Blocked = true;
                var allowed = limit.IsPercent
                    ? $"{limit} of {summary.ManagedUsers} managed users = {summary.AllowedDeactivations}"
                    : $"{summary.AllowedDeactivations}";
                summary.BlockedMessage =
                    $"This plan would deactivate {summary.Deactivate} users, more than MaxDeprovision allows ({allowed}). " +
                    "Review the Deactivate rows; if they are right, run again with -Force or raise MaxDeprovision.";
            }

            var notes = new List<string>();
            if (!input.Options.Enabled) notes.Add("The profile is disabled: this plan is a preview and is not applied until the profile is enabled.");
            if (!input.SalesforceReadComplete) notes.Add("The Salesforce read was incomplete, so nobody is deactivated as NotInSalesforce.");
            if (staleLinks > 0) notes.Add($"{staleLinks} stored links point at LMS users that no longer exist; they will be dropped.");
            if (summary.Blocked) notes.Add(summary.BlockedMessage!);
            summary.Notes = notes;
            return summary;
        }

        /// <summary>How many links point at an existing LMS user: counted per chunk of links, on every core for many.</summary>
        [MethodImpl(Jit.Optimized)]
        private static int Existing(IReadOnlyList<Link> links, Matcher matcher, PerUser perUser)
        {
            var counts = perUser.Map(links.Count, [MethodImpl(Jit.Optimized)] (from, to) =>
            {
                var existing = 0;
                for (var i = from; i < to; i++)
                    if (matcher.UserById(links[i].LmsId) != null) existing++;
                return existing;
            });
            var total = 0;
            foreach (var count in counts) total += count;
            return total;
        }
    }
}
