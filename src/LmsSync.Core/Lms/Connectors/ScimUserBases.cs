using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// The SCIM users as last read, by id: the base an update's PATCH is computed against (<see cref="ScimConnector"/>).
    /// A read only lists them; the table by id is made when first asked for, after the read. A run that updates nobody
    /// (a no-op run) never makes it: for a 100,000-user read that was 95,000 entries added one at a time under the
    /// table's locks, and its growth a dozen times, all while the list read competed for the same cores.
    /// </summary>
    internal sealed class ScimUserBases
    {
        private readonly object _gate = new object();
        private readonly List<ScimUser> _listed;
        private ConcurrentDictionary<string, ScimUser>? _table;

        /// <param name="listed">Filled by the read that made these bases (one thread at a time), before <see cref="Table"/> is first asked for.</param>
        public ScimUserBases(List<ScimUser> listed)
        {
            _listed = listed;
        }

        public static ScimUserBases Empty() => new ScimUserBases(new List<ScimUser>());

        /// <summary>The users listed, by id (a later one of the same id wins), and every user remembered since.</summary>
        public ConcurrentDictionary<string, ScimUser> Table
        {
            get
            {
                var table = Volatile.Read(ref _table);
                if (table != null) return table;
                lock (_gate)
                {
                    if (_table == null)
                    {
                        table = new ConcurrentDictionary<string, ScimUser>(Environment.ProcessorCount, Math.Max(_listed.Count, 31), StringComparer.Ordinal);
                        foreach (var user in _listed) table[user.Id] = user;
                        Volatile.Write(ref _table, table);
                    }
                    return _table!;
                }
            }
        }
    }
}
