using System;
using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// Maps a Salesforce user to the LMS values it should have, recording which Salesforce field (or default)
    /// fed each one. Build once per run; <see cref="Map"/> is cheap and thread-safe.
    /// </summary>
    /// <remarks>
    /// Each value is the first non-blank of its sources (blank = null, empty or whitespace) after the date
    /// format and transforms, else the mapping's default. Where the LMS keeps the Salesforce Id
    /// (<see cref="LmsCapabilities.SalesforceIdField"/>) and the mapping does not fill that field, the
    /// record Id is written there so later runs can match on it.
    /// </remarks>
    public sealed class Mapper
    {
        private static readonly MappedValue Nothing = new MappedValue(null, ValueOrigin.None, null);

        private readonly KeyValuePair<string, FieldMapping>[] _fields;
        private readonly DepartmentMapping? _department;
        private readonly GroupMapping? _groups;
        private readonly string? _salesforceIdField;
        private readonly string? _emailField;
        private readonly string? _loginField;
        private readonly MappedFields.Schema _schema;
        private readonly int _emailIndex;
        private readonly int _loginIndex;

        public Mapper(SyncMapping mapping, LmsFieldCatalog catalog, LmsCapabilities? capabilities = null)
        {
            if (mapping == null) throw new ArgumentNullException(nameof(mapping));
            if (catalog == null) throw new ArgumentNullException(nameof(catalog));
            var fields = new List<KeyValuePair<string, FieldMapping>>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in mapping.Fields)
            {
                var name = catalog.TryResolve(field.LmsField, out var known) ? known.Name : field.LmsField.Trim();
                if (seen.Add(name)) fields.Add(new KeyValuePair<string, FieldMapping>(name, field));
            }
            _fields = fields.ToArray();
            _department = mapping.Department;
            _groups = mapping.Groups;
            var idField = capabilities?.SalesforceIdField;
            if (idField != null && catalog.TryResolve(idField, out var idDefinition)) idField = idDefinition.Name;
            _salesforceIdField = idField != null && !seen.Contains(idField) ? idField : null;
            _emailField = catalog.EmailField;
            _loginField = catalog.LoginField;
            var names = new List<string>();
            foreach (var field in _fields) names.Add(field.Key);
            if (_salesforceIdField != null) names.Add(_salesforceIdField);
            _schema = new MappedFields.Schema(names);
            _emailIndex = _emailField == null ? -1 : _schema.IndexOf(_emailField);
            _loginIndex = _loginField == null ? -1 : _schema.IndexOf(_loginField);
        }

        public DesiredUser Map(SourceUser user)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            var record = user.Record;
            var values = new MappedValue[_schema.Names.Length];
            for (var i = 0; i < _fields.Length; i++)
                values[i] = MapValue(_fields[i].Value, record, _fields[i].Value.ClearWhenBlank);
            if (_salesforceIdField != null)
                values[_fields.Length] = new MappedValue(user.SalesforceId, ValueOrigin.SalesforceId, "Id");

            var department = _department == null ? null : MapValue(_department, record, clearWhenBlank: false);
            var groups = _groups == null ? null : MapGroups(_groups, user);
            var email = _emailIndex >= 0 ? values[_emailIndex].Value : null;
            var login = _loginIndex >= 0 ? values[_loginIndex].Value : null;
            return new DesiredUser(user, new MappedFields(_schema, values), department, groups, email, login);
        }

        /// <summary>The first non-blank source value, else the default, else nothing; with provenance.</summary>
        public static MappedValue MapValue(ValueMapping mapping, SalesforceRecord record, bool clearWhenBlank = false)
        {
            var sources = mapping.Sources;
            for (var i = 0; i < sources.Count; i++)
            {
                var text = ValueReader.Read(record[sources[i]], mapping);
                if (text != null) return new MappedValue(text, ValueOrigin.SalesforceField, sources[i]);
            }
            if (!ValueReader.IsBlank(mapping.Default))
                return new MappedValue(mapping.Default, ValueOrigin.Default, null, mapping.ApplyOn);
            return clearWhenBlank ? new MappedValue(null, ValueOrigin.None, null, ApplyOn.Always, clearWhenBlank: true) : Nothing;
        }

        /// <summary>Group names from the group sources and public groups, distinct (case-insensitive), in order found.</summary>
        public static IReadOnlyList<MappedValue> MapGroups(GroupMapping mapping, SourceUser user)
        {
            var names = new List<MappedValue>(4);
            foreach (var source in mapping.Sources)
            {
                AddSplit(names, user.Record[source], mapping, ValueOrigin.SalesforceField, source);
                if (mapping.Combine == GroupCombine.FirstNonBlank && names.Count > 0) break;
            }
            if (mapping.IncludePublicGroups && (mapping.Combine == GroupCombine.All || names.Count == 0))
                foreach (var group in user.PublicGroups)
                    AddSplit(names, group, mapping, ValueOrigin.PublicGroup, group, split: false);
            if (names.Count == 0 && !ValueReader.IsBlank(mapping.Default))
                foreach (var name in mapping.Default!.Split(new[] { mapping.Separator }, StringSplitOptions.RemoveEmptyEntries))
                    if (!ValueReader.IsBlank(name) && !Contains(names, name.Trim()))
                        names.Add(new MappedValue(name.Trim(), ValueOrigin.Default, null, mapping.ApplyOn));
            return names;
        }

        private static void AddSplit(List<MappedValue> names, object? raw, GroupMapping mapping,
            ValueOrigin origin, string source, bool split = true)
        {
            var text = SalesforceValue.ToText(raw);
            if (ValueReader.IsBlank(text)) return;
            var separator = split ? mapping.Separator : null;
            if (string.IsNullOrEmpty(separator))
            {
                AddName(names, text!, mapping, origin, source);
                return;
            }
            // Walk the parts without an intermediate array: most users have one or two groups.
            var start = 0;
            while (start <= text!.Length)
            {
                var end = text.IndexOf(separator!, start, StringComparison.Ordinal);
                if (end < 0) end = text.Length;
                if (end > start) AddName(names, start == 0 && end == text.Length ? text : text.Substring(start, end - start), mapping, origin, source);
                start = end + separator!.Length;
            }
        }

        private static void AddName(List<MappedValue> names, string part, GroupMapping mapping, ValueOrigin origin, string source)
        {
            if (ValueReader.IsBlank(part)) return;
            var name = ValueReader.Transform(part.Trim(), mapping);
            if (!ValueReader.IsBlank(name) && !Contains(names, name))
                names.Add(new MappedValue(name, origin, source));
        }

        /// <summary>A user has a handful of groups: a linear scan beats a hash set here.</summary>
        private static bool Contains(List<MappedValue> names, string name)
        {
            for (var i = 0; i < names.Count; i++)
                if (string.Equals(names[i].Value, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
