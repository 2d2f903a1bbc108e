using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Turns the users of one iSpring read into <see cref="LmsUser"/>s that share what repeats from user to user, because a
    /// run holds every one of them until its plan is made (a 100,000-user read is the largest part of a dry run's live
    /// heap, and what survives is copied up through the GC's generations):
    /// <list type="bullet">
    /// <item>the profile fields are a value array over the names of the users sent with the same field names
    /// (<see cref="LmsFieldValues"/>), not a hash table each;</item>
    /// <item>equal values of a field are one string (and the login, email and Salesforce Id are the field values' strings);</item>
    /// <item>equal department ids are one string, and equal group-id lists one array.</item>
    /// </list>
    /// One instance per read (the tables then go with it); thread-safe, as the read converts pages of several chains at once.
    /// Its per-user methods are compiled optimised at once (<see cref="Jit"/>): a read converts each user once, cold.
    /// </summary>
    internal sealed class ISpringUserConversion
    {
        /// <summary>Distinct entries per table; past it a user keeps its own (a table that stops matching no longer pays).</summary>
        internal const int TableLimit = 4096;

        private static readonly string[] NoGroups = new string[0];

        private readonly LmsFieldCatalog _catalog;
        private readonly string? _salesforceIdField;
        private readonly string? _administratorRole;
        private readonly LmsFieldShapes _shapes;
        private readonly ConcurrentDictionary<string, string> _departments = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IdList, string[]> _groups = new ConcurrentDictionary<IdList, string[]>();

        public ISpringUserConversion(LmsFieldCatalog catalog, string? salesforceIdField, string? administratorRole)
        {
            _catalog = catalog;
            _salesforceIdField = salesforceIdField;
            _administratorRole = administratorRole;
            _shapes = new LmsFieldShapes(Canonical, TableLimit);
        }

        [MethodImpl(Jit.Optimized)]
        public LmsUser ToLmsUser(ISpringUser user)
        {
            var fields = _shapes.Values(user.Fields);
            var values = fields as LmsFieldValues;
            return new LmsUser(user.UserId, Held(values, user.Login), Held(values, user.Email), user.IsActive, fields, Department(user.DepartmentId), Groups(user.GroupIds),
                Held(values, _salesforceIdField == null ? null : user.Field(_salesforceIdField)),
                string.Equals(user.Role, _administratorRole, StringComparison.OrdinalIgnoreCase));
        }

        [MethodImpl(Jit.Optimized)]
        private static string? Held(LmsFieldValues? values, string? text) => values == null ? text : values.Held(text);

        /// <summary>The catalogue's name for an iSpring field name (its own spelling when the catalogue does not know it).</summary>
        private string Canonical(string name) => _catalog.TryResolve(name, out var known) ? known.Name : name;

        [MethodImpl(Jit.Optimized)]
        private string Department(string id)
        {
            if (_departments.TryGetValue(id, out var shared)) return shared;
            return _departments.Count < TableLimit ? _departments.GetOrAdd(id, id) : id;
        }

        [MethodImpl(Jit.Optimized)]
        private IReadOnlyList<string> Groups(IReadOnlyList<string> ids)
        {
            if (ids.Count == 0) return NoGroups;
            if (_groups.TryGetValue(new IdList(ids), out var shared)) return shared;
            var copy = new string[ids.Count];
            for (var i = 0; i < copy.Length; i++) copy[i] = ids[i];
            return _groups.Count < TableLimit ? _groups.GetOrAdd(new IdList(copy), copy) : copy;
        }

        /// <summary>A list of ids compared element by element (ordinal), in order.</summary>
        private readonly struct IdList : IEquatable<IdList>
        {
            private readonly IReadOnlyList<string> _ids;

            public IdList(IReadOnlyList<string> ids) => _ids = ids;

            [MethodImpl(Jit.Optimized)]
            public bool Equals(IdList other)
            {
                if (_ids.Count != other._ids.Count) return false;
                for (var i = 0; i < _ids.Count; i++)
                    if (!string.Equals(_ids[i], other._ids[i], StringComparison.Ordinal)) return false;
                return true;
            }

            public override bool Equals(object? obj) => obj is IdList other && Equals(other);

            [MethodImpl(Jit.Optimized)]
            public override int GetHashCode()
            {
                var hash = 17;
                for (var i = 0; i < _ids.Count; i++) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(_ids[i]);
                return hash;
            }
        }
    }
}
