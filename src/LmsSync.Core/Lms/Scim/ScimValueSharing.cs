using System;
using System.Runtime.CompilerServices;
using System.Threading;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Equal values of a field are one string across the users of one list read (first and last names, titles,
    /// departments and versions repeat from user to user), and equal values of one user are one string (the work email
    /// is usually the userName): a run holds every user read until its plan is made, and what it holds is copied up
    /// through the GC's generations. A <see cref="ValuePool"/> per thread (pages are parsed on several at once; no lock),
    /// which stops looking up a field whose values seldom repeat (ids, emails). One per read
    /// (<see cref="ScimClient.ListUsers(ScimFieldSet, string)"/>), so its tables go with the read.
    /// </summary>
    internal sealed class ScimValueSharing
    {
        private readonly ThreadLocal<ValuePool> _pools = new ThreadLocal<ValuePool>(() => new ValuePool());

        /// <summary>
        /// Shares the user's field values in place (the array is not yet handed out); returns <paramref name="version"/>
        /// shared too. A value equal to one before it in the user is that one.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public string? Share(string?[] values, string? version)
        {
            var pool = _pools.Value!;
            for (var slot = 0; slot < values.Length; slot++)
            {
                var value = values[slot];
                if (value == null) continue;
                value = pool.Share(slot, value);
                // A handful of fields: a scan beats a table.
                for (var earlier = 0; earlier < slot; earlier++)
                    if (string.Equals(values[earlier], value, StringComparison.Ordinal))
                    {
                        value = values[earlier];
                        break;
                    }
                values[slot] = value;
            }
            return version == null ? null : pool.Share(values.Length, version);
        }
    }
}
