using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.ISpring
{
    public sealed partial class ISpringClient
    {
        /// <summary>Characters of department filters per request of a partitioned read: well under the 8 KB URL limit common to servers and proxies.</summary>
        internal const int PartitionUrlBudget = 4000;

        /// <summary>
        /// Every user of the account, each converted by <paramref name="convert"/> as its page arrives, with the departments
        /// the read is complete for. The plain listing is one chain of tokens, each page waiting for the one before: the
        /// whole read's critical path. So, with two or more departments and two or more requests allowed in flight, the users are read as several chains at once, one
        /// per partition of the departments (<see cref="ISpringUserPartitions"/>), under the adaptive limit on requests in
        /// flight, and joined in partition order. A user listed twice (a server may include subdepartments in a department
        /// filter; a user moved mid-read may be in two chains) is kept once, as first listed.
        /// <para>Completeness: a department created while the chains ran is not in any chain's filter. So the departments
        /// are listed again once every chain has ended; if one is new, the users are read again as the plain chain (whose
        /// cursor, the creation order, misses nobody present throughout) and that list is returned with the new
        /// departments. The total of <c>POST /user/list</c> was not used instead: it comes with every user in one answer,
        /// and a count cannot tell a user missed from one deleted.</para>
        /// </summary>
        internal async Task<(List<T> Users, IReadOnlyList<ISpringDepartment> Departments)> ReadEveryoneAsync<T>(Task<IReadOnlyList<ISpringDepartment>> departments,
            Func<ISpringUser, T> convert, IProgress<int>? usersRead, CancellationToken cancellationToken)
        {
            var listed = await departments.ConfigureAwait(false);
            var progress = new UsersReadProgress(usersRead);
            // Chains at once need two departments to split and two requests in flight.
            if (listed.Count < 2 || _options.MaxConcurrentRequests < 2)
                return (Unique(new[] { await ReadChainAsync(null, convert, progress, cancellationToken).ConfigureAwait(false) }), listed);

            var ids = listed.Select(d => d.DepartmentId).ToList();
            var partitions = ISpringUserPartitions.Split(ids, _options.MaxConcurrentRequests, PartitionUrlBudget);
            var chains = await AllAsync(partitions.Select(p => (Func<CancellationToken, Task<List<KeyValuePair<string, T>>>>)(ct => ReadChainAsync(p, convert, progress, ct))),
                cancellationToken).ConfigureAwait(false);

            var known = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            var now = await ReadDepartments().ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (now.All(d => known.Contains(d.DepartmentId))) return (Unique(chains), listed);
            _log.Verbose("iSpring Learn: a department was created while the users were read department by department; reading every user again as one list.");
            return (Unique(new[] { await ReadChainAsync(null, convert, progress, cancellationToken).ConfigureAwait(false) }), now);
        }

        /// <summary>One token chain of <c>/users/v2</c> (filtered by <paramref name="departmentIds"/> when given), the next page read ahead.</summary>
        private async Task<List<KeyValuePair<string, T>>> ReadChainAsync<T>(IReadOnlyList<string>? departmentIds, Func<ISpringUser, T> convert,
            UsersReadProgress progress, CancellationToken cancellationToken)
        {
            ISpringUserQuery? query = null;
            if (departmentIds != null)
            {
                query = new ISpringUserQuery();
                foreach (var id in departmentIds) query.DepartmentIds.Add(id);
            }
            var reader = ReadUsers(query);
            reader.ReadAhead = true;
            var users = new List<KeyValuePair<string, T>>();
            IReadOnlyList<ISpringUser>? page;
            while ((page = await reader.ReadPageAsync(cancellationToken).ConfigureAwait(false)) != null)
            {
                foreach (var user in page) users.Add(new KeyValuePair<string, T>(user.UserId, convert(user)));
                progress.Add(page.Count);
            }
            return users;
        }

        /// <summary>The chains' users joined in chain order, each id once (as first listed). One chain's cursor lists nobody twice.</summary>
        private static List<T> Unique<T>(IReadOnlyList<List<KeyValuePair<string, T>>> chains)
        {
            var total = chains.Sum(c => c.Count);
            var users = new List<T>(total);
            if (chains.Count == 1)
            {
                foreach (var user in chains[0]) users.Add(user.Value);
                return users;
            }
            // Presized (netstandard2.0's HashSet cannot be): growing a 100,000-entry table leaves megabytes behind.
            var seen = new Dictionary<string, bool>(total, StringComparer.Ordinal);
            foreach (var chain in chains)
            {
                foreach (var user in chain)
                {
                    if (seen.ContainsKey(user.Key)) continue;
                    seen.Add(user.Key, true);
                    users.Add(user.Value);
                }
            }
            return users;
        }

        /// <summary>
        /// Runs every call at once and returns their results in call order. The first failure cancels the others and is
        /// the one thrown (not a sibling's cancellation); the others have ended by then, so no request outlives the read.
        /// </summary>
        private static async Task<List<TResult>> AllAsync<TResult>(IEnumerable<Func<CancellationToken, Task<TResult>>> calls, CancellationToken cancellationToken)
        {
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                Exception? first = null;
                async Task<TResult> One(Func<CancellationToken, Task<TResult>> call)
                {
                    try
                    {
                        return await call(failed.Token).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref first, e, null);
                        failed.Cancel();
                        throw;
                    }
                }
                var tasks = calls.Select(One).ToList();
                try
                {
                    return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
                }
                catch when (first != null)
                {
                    ExceptionDispatchInfo.Capture(first).Throw();
                    throw;
                }
            }
        }

        /// <summary>
        /// Users read so far across the chains, reported one count at a time and never a lower count after a higher one
        /// (an <see cref="IProgress{T}"/> need not be thread-safe). A chain never waits to report: while another reports,
        /// it only adds its count, and the reporter, once done, reports again if the count grew meanwhile, so the last
        /// count is always reported.
        /// </summary>
        private sealed class UsersReadProgress
        {
            private readonly object _gate = new object();
            private readonly IProgress<int>? _report;
            private int _read;
            private int _reported;

            public UsersReadProgress(IProgress<int>? report)
            {
                _report = report;
            }

            public void Add(int users)
            {
                if (_report == null) return;
                Interlocked.Add(ref _read, users);
                while (Volatile.Read(ref _read) > Volatile.Read(ref _reported) && Monitor.TryEnter(_gate))
                {
                    try
                    {
                        var read = Volatile.Read(ref _read);
                        if (read <= _reported) continue;
                        _report.Report(read);
                        Volatile.Write(ref _reported, read);
                    }
                    finally
                    {
                        Monitor.Exit(_gate);
                    }
                }
            }
        }
    }
}
