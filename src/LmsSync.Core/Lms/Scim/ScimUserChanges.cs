using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>Attribute changes for one user, by path; a null or empty value removes the attribute.</summary>
    public sealed class ScimUserChanges
    {
        private readonly List<KeyValuePair<ScimAttributePath, string?>> _changes = new List<KeyValuePair<ScimAttributePath, string?>>();

        public ScimUserChanges Set(string attributePath, string? value)
        {
            var path = ScimAttributePath.ParseMappable(attributePath);
            _changes.RemoveAll(c => c.Key.WirePath.Equals(path.WirePath, StringComparison.OrdinalIgnoreCase));
            _changes.Add(new KeyValuePair<ScimAttributePath, string?>(path, value));
            return this;
        }

        public IReadOnlyList<KeyValuePair<ScimAttributePath, string?>> Changes => _changes;

        public bool IsEmpty => _changes.Count == 0;

        /// <summary>The PATCH operations against the resource as last read; none for values it already has.</summary>
        internal List<ScimPatchOperation> ToPatch(JObject current)
        {
            var operations = new List<ScimPatchOperation>();
            foreach (var change in _changes)
            {
                var now = change.Key.ReadFrom(current);
                if (string.Equals(now ?? "", change.Value ?? "", StringComparison.Ordinal)) continue;
                operations.AddRange(change.Key.ToPatch(current, change.Value == null ? null : new JValue(change.Value)));
            }
            return operations;
        }
    }
}
