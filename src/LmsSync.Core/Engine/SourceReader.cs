using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Groups;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Reads the source people page by page. A failure on the first page (bad query, no access, sign-in refused)
    /// throws: there is nothing to plan from. A failure on a later page keeps what was read and marks the read
    /// incomplete, so the plan deactivates nobody as missing and the run says why.
    /// </summary>
    internal static class SourceReader
    {
        public static async Task<SourceRead> ReadAsync(SalesforceClient salesforce, SyncConfiguration configuration, IActivityLog log,
            IProgress<SyncProgress>? progress, CancellationToken ct)
        {
            var source = ParseObject(configuration.Source.ObjectName);
            var query = new SourceQueryBuilder(source) { StandardUsersOnly = source == SourceObject.User && configuration.Source.StandardUsersOnly };
            query.AddFields(SourceFields.Of(configuration)).Where(configuration.Source.Where);

            PublicGroupMemberships? groups = null;
            if (configuration.Source.IncludePublicGroups && configuration.Mapping.Groups?.IncludePublicGroups == true && source == SourceObject.User)
                groups = await salesforce.GetPublicGroupMembershipsAsync(ct).ConfigureAwait(false);

            var reader = await salesforce.QuerySourceAsync(query, null, ct).ConfigureAwait(false);
            var total = reader.TotalSize > int.MaxValue ? (int?)null : (int)reader.TotalSize;
            var users = new List<SourceUser>(total ?? 0);
            var records = new Dictionary<string, SalesforceRecord>(total ?? 0, StringComparer.Ordinal);
            DateTimeOffset? watermark = null;
            string? incomplete = null;
            progress?.Report(new SyncProgress(SyncProgress.ReadingSalesforce, 0, total));
            while (true)
            {
                IReadOnlyList<SalesforceRecord>? page;
                try
                {
                    page = await reader.ReadPageAsync(ct).ConfigureAwait(false);
                }
                catch (SalesforceException e)
                {
                    incomplete = $"The Salesforce read stopped after {users.Count} of {reader.TotalSize} users: {e.Message}";
                    log.Warning(incomplete + " Nobody is deactivated as missing in this run.");
                    break;
                }
                if (page == null) break;
                foreach (var record in page)
                {
                    var id = record.Id;
                    if (id == null) continue;
                    users.Add(new SourceUser(record, groups?.GroupsOf(id)));
                    records[SalesforceIdKey.Of(id)] = record;
                    if (record["SystemModstamp"] is DateTimeOffset modified && (watermark == null || modified > watermark)) watermark = modified;
                }
                progress?.Report(new SyncProgress(SyncProgress.ReadingSalesforce, users.Count, total));
            }
            var complete = incomplete == null && reader.IsComplete;
            if (incomplete == null && !complete) incomplete = "The Salesforce read did not return every user it announced.";
            return new SourceRead(users, records, complete, incomplete, watermark);
        }

        private static SourceObject ParseObject(string? name)
        {
            if (string.IsNullOrWhiteSpace(name) || string.Equals(name!.Trim(), "User", StringComparison.OrdinalIgnoreCase)) return SourceObject.User;
            if (string.Equals(name.Trim(), "Contact", StringComparison.OrdinalIgnoreCase)) return SourceObject.Contact;
            throw new ArgumentException($"Source object '{name}' is not supported; use User or Contact.");
        }
    }
}
