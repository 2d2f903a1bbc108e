using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Salesforce.Groups
{
    /// <summary>Reads all direct user memberships of public groups in one streamed query over GroupMember.</summary>
    internal static class PublicGroupReader
    {
        public const string Soql = "SELECT UserOrGroupId, Group.Name FROM GroupMember WHERE Group.Type = 'Regular'";

        // Ids of users start 005; 00G is a group (nested group or role group).
        private const string UserPrefix = "005";

        public static async Task<PublicGroupMemberships> ReadAsync(SalesforceQueryReader reader, CancellationToken cancellationToken)
        {
            var byUser = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var memberships = 0;
            var nested = 0;
            IReadOnlyList<SalesforceRecord>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
            {
                foreach (var row in page)
                {
                    var member = row.GetString("UserOrGroupId");
                    var group = row.GetString("Group.Name");
                    if (member == null || group == null) continue;
                    if (!member.StartsWith(UserPrefix, StringComparison.Ordinal))
                    {
                        nested++;
                        continue;
                    }
                    if (!byUser.TryGetValue(member, out var groups)) byUser[member] = groups = new List<string>();
                    if (!groups.Contains(group, StringComparer.OrdinalIgnoreCase)) groups.Add(group);
                    memberships++;
                }
            }
            return new PublicGroupMemberships(byUser, memberships, nested);
        }
    }
}
