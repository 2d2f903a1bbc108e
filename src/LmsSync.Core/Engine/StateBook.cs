using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// The state as a run changes it: links added as rows succeed, stale links dropped, created departments and
    /// groups remembered. Thread-safe; <see cref="Snapshot"/> gives a copy to save at any moment.
    /// </summary>
    internal sealed class StateBook
    {
        private readonly object _gate = new object();
        private readonly StoredState _stored;
        // Keyed by LMS id: one LMS user belongs to at most one Salesforce user; the second keyed by the whole Salesforce Id
        // compared by its key. Built at the first change of a link (see Indexed), presized from the state's links: a run
        // that changes none (a no-op run) never indexes its links (for 90,470: about 50 ms of CPU and 10 MB held, built
        // while the reads competed for the same two cores).
        private Dictionary<string, Link>? _links;
        private Dictionary<string, string>? _lmsIdBySalesforceKey;
        private readonly HashSet<string> _groupIds;
        private readonly HashSet<string> _groupNames;
        private readonly HashSet<string> _departmentIds;

        /// <summary>
        /// The links in the order they are saved (by Salesforce Id), while no link has changed: a run that adds or drops
        /// none (a no-op run) saves them without sorting 80,000 ids again.
        /// </summary>
        private List<Link>? _sortedLinks;

        /// <summary>The links are the loaded ones, in their order: a save may copy their lines from the file (<see cref="StoredState.LoadedLinks"/>).</summary>
        private bool _linksAsLoaded;

        /// <param name="stored">As <see cref="StateFile"/> loads it: each LMS id in one link at most.</param>
        public StateBook(StoredState stored)
        {
            _stored = stored;
            // As saved (sorted, none replaced by a later one), the loaded list is already the order to save.
            if (InSaveOrder(stored.Links))
            {
                _sortedLinks = new List<Link>(stored.Links);
                _linksAsLoaded = true;
            }
            _groupIds = new HashSet<string>(stored.ManagedGroupIds, StringComparer.Ordinal);
            _groupNames = new HashSet<string>(stored.ManagedGroupNames, StringComparer.OrdinalIgnoreCase);
            _departmentIds = new HashSet<string>(stored.CreatedDepartmentIds, StringComparer.Ordinal);
        }

        public void Link(string salesforceId, string lmsId, LinkOrigin origin, DateTimeOffset at)
        {
            lock (_gate)
            {
                var (links, lmsIdBySalesforceKey) = Indexed();
                // A Salesforce user has one LMS user: a new link replaces any older one of the same person.
                if (lmsIdBySalesforceKey.TryGetValue(salesforceId, out var previous))
                {
                    if (previous == lmsId) return;
                    links.Remove(previous);
                }
                if (links.TryGetValue(lmsId, out var other)) lmsIdBySalesforceKey.Remove(other.SalesforceId);
                links[lmsId] = new Link(salesforceId, lmsId, origin, at);
                lmsIdBySalesforceKey[salesforceId] = lmsId;
                _sortedLinks = null;
                _linksAsLoaded = false;
            }
        }

        public void DropStale(IEnumerable<Link> stale)
        {
            lock (_gate)
                foreach (var link in stale)
                {
                    var (links, lmsIdBySalesforceKey) = Indexed();
                    if (links.TryGetValue(link.LmsId, out var current) && SalesforceIdKey.Comparer.Equals(current.SalesforceId, link.SalesforceId))
                    {
                        links.Remove(link.LmsId);
                        lmsIdBySalesforceKey.Remove(link.SalesforceId);
                        _sortedLinks = null;
                        _linksAsLoaded = false;
                    }
                }
        }

        /// <summary>
        /// Builds the indexes of every link now, if no change has yet: on the thread pool once a run knows it will link or
        /// unlink users, so its first change does not wait for them.
        /// </summary>
        public void Index()
        {
            lock (_gate) Indexed();
        }

        /// <summary>The links by LMS id and the LMS id by Salesforce key, built from the loaded links the first time (under the gate).</summary>
        private (Dictionary<string, Link> Links, Dictionary<string, string> LmsIdBySalesforceKey) Indexed()
        {
            if (_links == null || _lmsIdBySalesforceKey == null)
            {
                var links = new Dictionary<string, Link>(_stored.Links.Count, StringComparer.Ordinal);
                var lmsIdBySalesforceKey = new Dictionary<string, string>(_stored.Links.Count, SalesforceIdKey.Comparer);
                foreach (var link in _stored.Links)
                {
                    links[link.LmsId] = link;
                    lmsIdBySalesforceKey[link.SalesforceId] = link.LmsId;
                }
                _links = links;
                _lmsIdBySalesforceKey = lmsIdBySalesforceKey;
            }
            return (_links, _lmsIdBySalesforceKey);
        }

        public void OrgCreated(OrgChange change, string id)
        {
            lock (_gate)
            {
                if (change.Kind == OrgChangeKind.CreateDepartment) _departmentIds.Add(id);
                else if (change.Kind == OrgChangeKind.CreateGroup)
                {
                    _groupIds.Add(id);
                    _groupNames.Add(change.Name);
                }
            }
        }

        public void DepartmentDeleted(string id)
        {
            lock (_gate) _departmentIds.Remove(id);
        }

        public void ManageGroups(IEnumerable<string> names)
        {
            lock (_gate)
                foreach (var name in names) _groupNames.Add(name);
        }

        public void Watermark(DateTimeOffset? seen)
        {
            lock (_gate)
                if (seen is DateTimeOffset value && (_stored.SystemModstampWatermark == null || value > _stored.SystemModstampWatermark))
                    _stored.SystemModstampWatermark = value;
        }

        /// <summary>A full reconcile that started at <paramref name="started"/> read everyone and applied every row.</summary>
        public void FullRunCompleted(DateTimeOffset started)
        {
            lock (_gate) _stored.LastFullRun = started;
        }

        public void ConfigurationApplied(string hash)
        {
            lock (_gate) _stored.ConfigurationHash = hash;
        }

        /// <summary>The public-group snapshot (user id → hash) incremental runs compare with; null when groups are not read.</summary>
        public void GroupMemberships(Dictionary<string, string>? memberships)
        {
            lock (_gate) _stored.GroupMemberships = memberships;
        }

        public void RecordRun(RunSummary summary, int keep)
        {
            lock (_gate)
            {
                _stored.LastRuns.Add(new StoredRun
                {
                    RunId = summary.RunId,
                    Started = summary.Started,
                    Ended = summary.Ended,
                    Status = summary.Status.ToString(),
                    Mode = summary.Mode.ToString(),
                    Actions = summary.Actions.ToDictionary(p => p.Key.ToString(), p => p.Value),
                    Statuses = summary.Statuses.ToDictionary(p => p.Key.ToString(), p => p.Value),
                });
                if (_stored.LastRuns.Count > keep) _stored.LastRuns.RemoveRange(0, _stored.LastRuns.Count - keep);
            }
        }

        public StoredState Snapshot()
        {
            lock (_gate)
            {
                return new StoredState
                {
                    Links = new List<Link>(_sortedLinks ??= Indexed().Links.Values.OrderBy(l => l.SalesforceId, StringComparer.Ordinal).ToList()),
                    ManagedGroupIds = _groupIds.OrderBy(x => x, StringComparer.Ordinal).ToList(),
                    ManagedGroupNames = _groupNames.OrderBy(x => x, StringComparer.OrdinalIgnoreCase).ToList(),
                    CreatedDepartmentIds = _departmentIds.OrderBy(x => x, StringComparer.Ordinal).ToList(),
                    SystemModstampWatermark = _stored.SystemModstampWatermark,
                    LastFullRun = _stored.LastFullRun,
                    ConfigurationHash = _stored.ConfigurationHash,
                    GroupMemberships = _stored.GroupMemberships == null ? null : new Dictionary<string, string>(_stored.GroupMemberships, StringComparer.Ordinal),
                    LastRuns = _stored.LastRuns.ToList(),
                    LoadedLinks = _linksAsLoaded ? _stored.LoadedLinks : null,
                };
            }
        }

        /// <summary>Sorted by Salesforce Id: with each LMS id once (a loaded state), what indexing and then sorting would give.</summary>
        private static bool InSaveOrder(List<Link> links)
        {
            for (var i = 1; i < links.Count; i++)
                if (string.CompareOrdinal(links[i - 1].SalesforceId, links[i].SalesforceId) >= 0) return false;
            return true;
        }
    }
}
