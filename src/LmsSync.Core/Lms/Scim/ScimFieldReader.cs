using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using LmsSync.Core.Sync;
using LmsSync.Core.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Reads a <see cref="ScimFieldSet"/>'s values out of one user's top-level attributes as they stream by, copying
    /// every token of a kept attribute to the kept text as it goes; no tree is built. The values are those
    /// <see cref="ScimAttributePath.ReadFrom"/> reads from the whole resource: names match ignoring case, an exact
    /// match wins over others and the first of several inexact ones is taken (as <c>JObject.GetValue</c> does), a
    /// typed entry is picked as <c>PickEntry</c> picks it, and a scalar is text as <see cref="ScimJson.Text"/> makes it.
    /// </summary>
    internal sealed class ScimFieldReader
    {
        private JsonReader _reader = null!;
        private ScimKeptText _kept = null!;
        private string?[] _values = null!;
        // Per field: which occurrence of its root, and of its attribute inside an extension, holds its value.
        private readonly bool[] _rootClaimed;
        private readonly bool[] _attributeClaimed;
        private readonly bool[] _subClaimed;
        // The fields an attribute (Root) and an extension's attribute (Extension) hold, reused for every attribute of the
        // user: a new list per attribute was the read's largest allocation after the values themselves.
        private readonly List<ScimFieldSet.Field> _atRoot;
        private readonly List<ScimFieldSet.Field> _inExtension;
        // A multi-valued attribute's entries, and which of a field's sub-attributes an entry has shown (reused likewise:
        // an entry's values are copied out once its field's entry is picked).
        private readonly List<Entry> _entries = new List<Entry>();
        private readonly List<Entry> _spareEntries = new List<Entry>();
        private readonly bool[] _subSeen;
        // Whether the attribute being read goes to the kept text; when not, it is only read.
        private bool _keeping;

        /// <summary>A reader for <paramref name="fields"/> fields, reused for user after user (<see cref="Start"/>).</summary>
        public ScimFieldReader(int fields)
        {
            Fields = fields;
            _rootClaimed = new bool[fields];
            _attributeClaimed = new bool[fields];
            _subClaimed = new bool[fields];
            _subSeen = new bool[fields];
            _atRoot = new List<ScimFieldSet.Field>(fields);
            _inExtension = new List<ScimFieldSet.Field>(fields);
        }

        public int Fields { get; }

        /// <summary>Begins a user: its values go to a new array (the user keeps it), and nothing of the last user is claimed.</summary>
        [MethodImpl(Jit.Optimized)]
        public ScimFieldReader Start(JsonReader reader, ScimKeptText kept)
        {
            _reader = reader;
            _kept = kept;
            _values = new string?[Fields];
            Array.Clear(_rootClaimed, 0, Fields);
            Array.Clear(_attributeClaimed, 0, Fields);
            Array.Clear(_subClaimed, 0, Fields);
            return this;
        }

        public string?[] Values => _values;

        /// <summary>
        /// The reader is on the value of top-level attribute <paramref name="name"/>; reads it, copying it to the kept
        /// text when <paramref name="keep"/>.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public void Root(string name, ScimFieldSet.Field[] atRoot, bool keep)
        {
            _keeping = keep;
            var claimed = _atRoot;
            claimed.Clear();
            foreach (var field in atRoot)
            {
                if (!Claim(_rootClaimed, field, name, field.Root)) continue;
                _values[field.Index] = null;
                _attributeClaimed[field.Index] = false;
                _subClaimed[field.Index] = false;
                claimed.Add(field);
            }
            if (claimed.Count == 0) Copy();
            else if (claimed[0].Path.SchemaUri != null) Extension(claimed);
            else AttributeValue(claimed);
        }

        /// <summary>An extension's block: each attribute in it is a field's attribute value.</summary>
        [MethodImpl(Jit.Optimized)]
        private void Extension(List<ScimFieldSet.Field> fields)
        {
            if (_reader.TokenType != JsonToken.StartObject)
            {
                Copy();
                return;
            }
            Mirror();
            while (Step() == JsonToken.PropertyName)
            {
                var name = (string)_reader.Value!;
                Step();
                var claimed = _inExtension;
                claimed.Clear();
                foreach (var field in fields)
                {
                    if (!Claim(_attributeClaimed, field, name, field.Attribute)) continue;
                    _values[field.Index] = null;
                    _subClaimed[field.Index] = false;
                    claimed.Add(field);
                }
                if (claimed.Count == 0) Copy();
                else AttributeValue(claimed);
            }
        }

        /// <summary>An attribute's value: the text of a scalar, a sub-attribute of an object, a typed entry of an array.</summary>
        [MethodImpl(Jit.Optimized)]
        private void AttributeValue(List<ScimFieldSet.Field> fields)
        {
            switch (_reader.TokenType)
            {
                case JsonToken.StartObject:
                    Complex(fields);
                    break;
                case JsonToken.StartArray:
                    MultiValued(fields);
                    break;
                default:
                    var text = Text(_reader);
                    foreach (var field in fields)
                        if (field.SubAttribute == null) _values[field.Index] = text;
                    Mirror();
                    break;
            }
        }

        [MethodImpl(Jit.Optimized)]
        private void Complex(List<ScimFieldSet.Field> fields)
        {
            Mirror();
            while (Step() == JsonToken.PropertyName)
            {
                var name = (string)_reader.Value!;
                Step();
                var text = IsScalar(_reader.TokenType) ? Text(_reader) : null;
                foreach (var field in fields)
                {
                    if (field.Path.Type == null && field.SubAttribute != null && Claim(_subClaimed, field, name, field.SubAttribute))
                        _values[field.Index] = text;
                }
                Copy();
            }
        }

        /// <summary>The entries of a multi-valued attribute, then each typed field's entry picked among them.</summary>
        [MethodImpl(Jit.Optimized)]
        private void MultiValued(List<ScimFieldSet.Field> fields)
        {
            var entries = _entries;
            _spareEntries.AddRange(entries);
            entries.Clear();
            Mirror();
            while (Step() != JsonToken.EndArray)
            {
                if (_reader.TokenType == JsonToken.StartObject) entries.Add(ReadEntry(fields));
                else Copy();
            }
            for (var i = 0; i < fields.Count; i++)
            {
                var type = fields[i].Path.Type;
                if (type == null) continue;
                var picked = Pick(entries, type);
                _values[fields[i].Index] = picked?.Values[i];
            }
        }

        [MethodImpl(Jit.Optimized)]
        private Entry ReadEntry(List<ScimFieldSet.Field> fields)
        {
            var entry = SpareEntry(fields.Count);
            bool typeSeen = false, primarySeen = false;
            var subSeen = _subSeen;
            Array.Clear(subSeen, 0, fields.Count);
            Mirror();
            while (Step() == JsonToken.PropertyName)
            {
                var name = (string)_reader.Value!;
                Step();
                var scalar = IsScalar(_reader.TokenType);
                if (Claim(ref typeSeen, name, "type")) entry.Type = scalar ? Text(_reader) : null;
                if (Claim(ref primarySeen, name, "primary")) entry.Primary = scalar ? Bool(_reader) : null;
                for (var i = 0; i < fields.Count; i++)
                {
                    var sub = fields[i].SubAttribute;
                    if (fields[i].Path.Type != null && sub != null && Claim(ref subSeen[i], name, sub)) entry.Values[i] = scalar ? Text(_reader) : null;
                }
                Copy();
            }
            return entry;
        }

        /// <summary>An entry to fill, emptied, with room for <paramref name="fields"/> values.</summary>
        [MethodImpl(Jit.Optimized)]
        private Entry SpareEntry(int fields)
        {
            var last = _spareEntries.Count - 1;
            if (last < 0) return new Entry(Fields);
            var entry = _spareEntries[last];
            _spareEntries.RemoveAt(last);
            entry.Type = null;
            entry.Primary = null;
            Array.Clear(entry.Values, 0, fields);
            return entry;
        }

        /// <summary>As <c>ScimAttributePath.PickEntry</c>: the entry of that type; else the primary untyped one; else the only untyped one.</summary>
        [MethodImpl(Jit.Optimized)]
        private static Entry? Pick(List<Entry> entries, string type)
        {
            foreach (var entry in entries)
                if (string.Equals(entry.Type, type, StringComparison.OrdinalIgnoreCase)) return entry;
            Entry? only = null;
            var untyped = 0;
            foreach (var entry in entries)
            {
                if (entry.Type != null) continue;
                if (entry.Primary == true) return entry;
                untyped++;
                only = entry;
            }
            return untyped == 1 ? only : null;
        }

        /// <summary>
        /// True when this occurrence of a name holds the field's value: an exact match always (the last of several, as
        /// a tree keeps the last duplicate), an inexact one only when nothing matched before.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        private static bool Claim(bool[] claimed, ScimFieldSet.Field field, string name, string expected) =>
            Claim(ref claimed[field.Index], name, expected);

        [MethodImpl(Jit.Optimized)]
        internal static bool Claim(ref bool claimed, string name, string expected)
        {
            // The same instance (a known name, ScimNames) is an exact match.
            if (ReferenceEquals(name, expected))
            {
                claimed = true;
                return true;
            }
            if (!string.Equals(name, expected, StringComparison.OrdinalIgnoreCase)) return false;
            if (claimed && !string.Equals(name, expected, StringComparison.Ordinal)) return false;
            claimed = true;
            return true;
        }

        [MethodImpl(Jit.Optimized)]
        private JsonToken Step()
        {
            var token = JsonTokens.Next(_reader);
            if (token == JsonToken.EndObject || token == JsonToken.EndArray || token == JsonToken.PropertyName) Mirror();
            return token;
        }

        /// <summary>Writes the current token alone (a start, an end, a property name or a scalar).</summary>
        [MethodImpl(Jit.Optimized)]
        private void Mirror()
        {
            if (_keeping) _kept.Token();
        }

        /// <summary>Writes (or, not keeping, passes) the current value with everything in it, leaving the reader on its last token.</summary>
        [MethodImpl(Jit.Optimized)]
        private void Copy()
        {
            if (_keeping) _kept.Value();
            else JsonTokens.Skip(_reader);
        }

        [MethodImpl(Jit.Optimized)]
        private static bool IsScalar(JsonToken token) => token != JsonToken.StartObject && token != JsonToken.StartArray && token != JsonToken.StartConstructor;

        /// <summary>A scalar as text, as <see cref="ScimJson.Text"/> makes it from a tree.</summary>
        [MethodImpl(Jit.Optimized)]
        public static string? Text(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.String: return (string?)reader.Value;
                case JsonToken.Integer:
                case JsonToken.Float: return Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                case JsonToken.Boolean: return (bool)reader.Value! ? "true" : "false";
                default: return null;
            }
        }

        /// <summary>A boolean, also from "True"/"False" or a number, as <see cref="ScimJson.Bool"/> reads it from a tree.</summary>
        [MethodImpl(Jit.Optimized)]
        public static bool? Bool(JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Boolean: return (bool)reader.Value!;
                case JsonToken.Integer: return !(reader.Value is long number) || number != 0;
                case JsonToken.String:
                    var text = ((string?)reader.Value ?? "").Trim();
                    if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
                    return null;
                default: return null;
            }
        }

        private sealed class Entry
        {
            public Entry(int fields)
            {
                Values = new string?[fields];
            }

            public string? Type;
            public bool? Primary;
            public readonly string?[] Values;
        }
    }
}
