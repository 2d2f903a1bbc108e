using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

        // Provenance shared by every user of the run (see MappedFields): per field, one template per source.
        private readonly MappedValue[][] _sourceTemplates;
        // Per field, its sources' slots, found once per record schema instead of per record (see RecordField).
        private readonly RecordField[][] _sourceFields;
        private readonly RecordField[] _departmentFields;
        private readonly RecordField[] _groupFields;
        private readonly MappedValue?[] _defaultTemplates;
        private static readonly MappedValue SalesforceIdTemplate = new MappedValue(null, ValueOrigin.SalesforceId, "Id");
        private static readonly MappedValue ClearTemplate = new MappedValue(null, ValueOrigin.None, null, ApplyOn.Always, clearWhenBlank: true);

        // Departments and group lists repeat across users: one immutable value per distinct text, up to a bound.
        private const int CacheLimit = 4096;
        private readonly ConcurrentDictionary<string, MappedValue>[]? _departmentCache;
        private readonly ConcurrentDictionary<string, IReadOnlyList<MappedValue>> _groupCache =
            new ConcurrentDictionary<string, IReadOnlyList<MappedValue>>(StringComparer.Ordinal);

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
            _sourceTemplates = new MappedValue[_fields.Length][];
            _sourceFields = new RecordField[_fields.Length][];
            _defaultTemplates = new MappedValue?[_fields.Length];
            for (var i = 0; i < _fields.Length; i++)
            {
                var field = _fields[i].Value;
                _sourceTemplates[i] = new MappedValue[field.Sources.Count];
                _sourceFields[i] = Fields(field.Sources);
                for (var j = 0; j < field.Sources.Count; j++)
                    _sourceTemplates[i][j] = new MappedValue(null, ValueOrigin.SalesforceField, field.Sources[j]);
                if (!ValueReader.IsBlank(field.Default)) _defaultTemplates[i] = new MappedValue(field.Default, ValueOrigin.Default, null, field.ApplyOn);
            }
            _departmentFields = Fields(_department?.Sources);
            _groupFields = Fields(_groups?.Sources);
            if (_department != null)
            {
                _departmentCache = new ConcurrentDictionary<string, MappedValue>[_department.Sources.Count];
                for (var j = 0; j < _departmentCache.Length; j++)
                    _departmentCache[j] = new ConcurrentDictionary<string, MappedValue>(StringComparer.Ordinal);
            }
        }

        [MethodImpl(Jit.Optimized)]
        public DesiredUser Map(SourceUser user)
        {
            if (user == null) throw new ArgumentNullException(nameof(user));
            var record = user.Record;
            var count = _schema.Names.Length;
            var texts = new string?[count];
            var chosen = _scratch ??= new MappedValue[count];
            if (chosen.Length != count) chosen = _scratch = new MappedValue[count];
            for (var i = 0; i < _fields.Length; i++)
            {
                chosen[i] = MapField(i, record, out texts[i], out var made);
                if (made) texts[i] = Earlier(texts, i);
            }
            if (_salesforceIdField != null)
            {
                texts[_fields.Length] = user.SalesforceId;
                chosen[_fields.Length] = SalesforceIdTemplate;
            }
            var templates = SharedTemplates(chosen);

            var department = _department == null ? null : MapDepartment(_department, record);
            var groups = _groups == null ? null : MapGroupsCached(_groups, user);
            var email = _emailIndex >= 0 ? texts[_emailIndex] : null;
            var login = _loginIndex >= 0 ? texts[_loginIndex] : null;
            return new DesiredUser(user, new MappedFields(_schema, texts, templates), department, groups, email, login);
        }

        [ThreadStatic] private static MappedValue[]? _scratch;

        /// <summary>
        /// Field <paramref name="index"/>'s text (new, made by a transform or from a non-text value) as an earlier field of the
        /// same user holds it, if one does: the default iSpring and SkyPrep mappings lower the same email for the login and
        /// the email, which made two equal strings per user whose email has a capital.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private static string? Earlier(string?[] texts, int index)
        {
            var text = texts[index]!;
            for (var i = 0; i < index; i++)
            {
                var earlier = texts[i];
                if (string.Equals(earlier, text, StringComparison.Ordinal)) return earlier;
            }
            return text;
        }

        /// <summary>Each distinct provenance seen (a few dozen: per field, which source fed it, the default, or nothing), shared by its users.</summary>
        private readonly ConcurrentDictionary<TemplateKey, MappedValue[]> _templatesSeen = new ConcurrentDictionary<TemplateKey, MappedValue[]>();

        /// <summary>
        /// The provenance of a user's fields as an array shared with every user of the same provenance. Blank fields vary
        /// from user to user, so the last user's array matched seldom: a copy per user was most of a profile's allocation
        /// in mapping. Past <see cref="CacheLimit"/> distinct ones, a user gets its own copy.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private MappedValue[] SharedTemplates(MappedValue[] chosen)
        {
            // Most users have the provenance of the user before (every field from its primary source): compared by
            // reference first, without hashing the array into the table.
            var last = _lastTemplates;
            if (last != null && new TemplateKey(last).Equals(new TemplateKey(chosen))) return last;
            if (!_templatesSeen.TryGetValue(new TemplateKey(chosen), out var shared))
            {
                var copy = (MappedValue[])chosen.Clone();
                if (_templatesSeen.Count >= CacheLimit) return copy;
                shared = _templatesSeen.GetOrAdd(new TemplateKey(copy), copy);
            }
            _lastTemplates = shared; // one reference, written whole: threads mapping at once at worst look up again
            return shared;
        }

        /// <summary>The shared provenance last looked up (by any thread).</summary>
        private MappedValue[]? _lastTemplates;

        /// <summary>An array of templates compared by the identity of its elements (they are shared, so equal ones are the same object).</summary>
        private readonly struct TemplateKey : IEquatable<TemplateKey>
        {
            private readonly MappedValue[] _templates;

            public TemplateKey(MappedValue[] templates) => _templates = templates;

            public bool Equals(TemplateKey other)
            {
                if (_templates.Length != other._templates.Length) return false;
                for (var i = 0; i < _templates.Length; i++)
                    if (!ReferenceEquals(_templates[i], other._templates[i])) return false;
                return true;
            }

            public override bool Equals(object? obj) => obj is TemplateKey other && Equals(other);

            public override int GetHashCode()
            {
                var hash = 17;
                foreach (var template in _templates) hash = hash * 31 + RuntimeHelpers.GetHashCode(template);
                return hash;
            }
        }

        /// <summary>What <see cref="MapValue"/> gives for field <paramref name="index"/>, as text and a shared template.</summary>
        [MethodImpl(Jit.Optimized)]
        private MappedValue MapField(int index, SalesforceRecord record, out string? text, out bool made)
        {
            var mapping = _fields[index].Value;
            var sources = mapping.Sources;
            var templates = _sourceTemplates[index];
            var fields = _sourceFields[index];
            for (var i = 0; i < sources.Count; i++)
            {
                var raw = Value(record, fields, i, sources[i]);
                text = ValueReader.Read(raw, mapping);
                if (text == null) continue;
                made = !ReferenceEquals(text, raw);
                return i < templates.Length && ReferenceEquals(templates[i].SourceField, sources[i])
                    ? templates[i]
                    : new MappedValue(null, ValueOrigin.SalesforceField, sources[i]);
            }
            if (!ValueReader.IsBlank(mapping.Default))
            {
                var template = _defaultTemplates[index];
                if (template == null || !ReferenceEquals(template.Value, mapping.Default) || template.ApplyOn != mapping.ApplyOn)
                    template = new MappedValue(mapping.Default, ValueOrigin.Default, null, mapping.ApplyOn);
                text = template.Value;
                made = false;
                return template;
            }
            text = null;
            made = false;
            return mapping.ClearWhenBlank ? ClearTemplate : Nothing;
        }

        /// <summary><see cref="MapValue"/> for the department, sharing one value per distinct department text.</summary>
        private MappedValue MapDepartment(DepartmentMapping mapping, SalesforceRecord record)
        {
            var sources = mapping.Sources;
            var caches = _departmentCache!;
            for (var i = 0; i < sources.Count; i++)
            {
                var text = ValueReader.Read(Value(record, _departmentFields, i, sources[i]), mapping);
                if (text == null) continue;
                if (i >= caches.Length) return new MappedValue(text, ValueOrigin.SalesforceField, sources[i]);
                var cache = caches[i];
                if (cache.TryGetValue(text, out var known) && ReferenceEquals(known.SourceField, sources[i])) return known;
                var value = new MappedValue(text, ValueOrigin.SalesforceField, sources[i]);
                if (cache.Count < CacheLimit) cache[text] = value;
                return value;
            }
            return MapValue(mapping, record, clearWhenBlank: false);
        }

        /// <summary>
        /// <see cref="MapGroups"/>, sharing one (read-only) list per distinct text when the groups come from a
        /// single field and no public groups are added: the list then depends on that text alone.
        /// </summary>
        private IReadOnlyList<MappedValue> MapGroupsCached(GroupMapping mapping, SourceUser user)
        {
            if (mapping.Sources.Count != 1 || (mapping.IncludePublicGroups && user.PublicGroups.Count > 0))
                return MapGroups(mapping, user);
            if (!(Value(user.Record, _groupFields, 0, mapping.Sources[0]) is string text)) return MapGroups(mapping, user);
            if (_groupCache.TryGetValue(text, out var known) && ReferenceEquals(known, KnownGroups(known, mapping))) return known;
            var names = MapGroups(mapping, user);
            if (_groupCache.Count >= CacheLimit) return names;
            var shared = new Shared(mapping, names);
            _groupCache[text] = shared;
            return shared;
        }

        private static RecordField[] Fields(IReadOnlyList<string>? sources)
        {
            var fields = new RecordField[sources?.Count ?? 0];
            for (var i = 0; i < fields.Length; i++) fields[i] = new RecordField(sources![i]);
            return fields;
        }

        /// <summary>The value of source <paramref name="i"/>, by its remembered slot unless the mapping changed since this mapper was built.</summary>
        [MethodImpl(Jit.Optimized)]
        private static object? Value(SalesforceRecord record, RecordField[] fields, int i, string source) =>
            i < fields.Length && ReferenceEquals(fields[i].Path, source) ? record[fields[i]] : record[source];

        /// <summary>Whether a group list is one shared by every user with the same group text (so results derived from it can be shared too).</summary>
        internal static bool IsShared(IReadOnlyList<MappedValue> groups) => groups is Shared;

        /// <summary>A cached group list counts only for the mapping (and its settings) it was made with.</summary>
        private static IReadOnlyList<MappedValue>? KnownGroups(IReadOnlyList<MappedValue> known, GroupMapping mapping) =>
            known is Shared shared && shared.Matches(mapping) ? known : null;

        /// <summary>An immutable group list shared by users with the same group text.</summary>
        private sealed class Shared : IReadOnlyList<MappedValue>
        {
            private readonly MappedValue[] _items;
            private readonly GroupMapping _mapping;
            private readonly string _source;
            private readonly string _separator;
            private readonly string? _default;
            private readonly GroupCombine _combine;
            private readonly ApplyOn _applyOn;
            private readonly int _transforms;

            public Shared(GroupMapping mapping, IReadOnlyList<MappedValue> items)
            {
                _items = new MappedValue[items.Count];
                for (var i = 0; i < _items.Length; i++) _items[i] = items[i];
                _mapping = mapping;
                _source = mapping.Sources[0];
                _separator = mapping.Separator;
                _default = mapping.Default;
                _combine = mapping.Combine;
                _applyOn = mapping.ApplyOn;
                _transforms = Signature(mapping);
            }

            public bool Matches(GroupMapping mapping) =>
                ReferenceEquals(mapping, _mapping) && mapping.Sources.Count == 1 && ReferenceEquals(mapping.Sources[0], _source)
                && ReferenceEquals(mapping.Separator, _separator) && ReferenceEquals(mapping.Default, _default)
                && mapping.Combine == _combine && mapping.ApplyOn == _applyOn && Signature(mapping) == _transforms;

            private static int Signature(GroupMapping mapping)
            {
                var signature = mapping.Transforms.Count;
                foreach (var transform in mapping.Transforms) signature = signature * 4 + (int)transform + 1;
                return signature;
            }

            public MappedValue this[int index] => _items[index];
            public int Count => _items.Length;
            public IEnumerator<MappedValue> GetEnumerator() => ((IEnumerable<MappedValue>)_items).GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();
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
