using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// One user attribute the client can read and write, named the way the field mapping names it
    /// (RFC 7644 §3.10 attribute paths, plus short forms):
    /// <list type="bullet">
    /// <item><c>title</c>, <c>displayName</c>, <c>nickName</c> … — a core simple attribute;</item>
    /// <item><c>name.givenName</c> — a sub-attribute of a core complex attribute;</item>
    /// <item><c>emails[type eq "work"].value</c> (short: <c>email</c>), <c>phoneNumbers[type eq "work"].value</c> (short: <c>phoneNumber</c>) — one typed entry of a multi-valued attribute;</item>
    /// <item><c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c> (short: <c>enterprise.department</c>),
    /// <c>…:manager.value</c> (short: <c>enterprise.manager</c>) — an extension attribute; any other extension URN works the same way.</item>
    /// </list>
    /// </summary>
    public sealed class ScimAttributePath
    {
        private static readonly Regex Name = new Regex("^[A-Za-z][A-Za-z0-9_$-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex Typed = new Regex("^([A-Za-z][A-Za-z0-9_$-]*)\\[type eq \"([^\"\\\\]*)\"\\]\\.([A-Za-z][A-Za-z0-9_$-]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Cap on <see cref="Parsed"/>: a sync names a few dozen paths; text from elsewhere must not grow it without end.</summary>
        private const int MaxParsed = 1024;

        // Paths as parsed, by the text given: a whole-list read asks for each catalog field of every user, and parsing
        // (regexes, splits) per user per field cost more than reading the value. A path is immutable, so sharing is safe.
        private static readonly ConcurrentDictionary<string, ScimAttributePath> Parsed = new ConcurrentDictionary<string, ScimAttributePath>(StringComparer.Ordinal);

        private ScimAttributePath(string? schemaUri, string attribute, string? subAttribute, string? type, string text)
        {
            SchemaUri = schemaUri;
            Attribute = attribute;
            SubAttribute = subAttribute;
            Type = type;
            Text = text;
        }

        /// <summary>The extension schema URN; null for the core schema.</summary>
        public string? SchemaUri { get; }

        /// <summary>The top-level attribute (e.g. <c>emails</c>, <c>name</c>, <c>department</c>).</summary>
        public string Attribute { get; }

        /// <summary>The sub-attribute (e.g. <c>givenName</c>, <c>value</c>), or null.</summary>
        public string? SubAttribute { get; }

        /// <summary>For one typed entry of a multi-valued attribute: the <c>type</c> it has (e.g. <c>work</c>).</summary>
        public string? Type { get; }

        /// <summary>The path as given.</summary>
        public string Text { get; }

        /// <summary>The RFC 7644 path this stands for (what a PATCH would name).</summary>
        public string WirePath
        {
            get
            {
                var prefix = SchemaUri == null ? "" : SchemaUri + ":";
                if (Type != null) return $"{prefix}{Attribute}[type eq \"{Type}\"].{SubAttribute}";
                return prefix + Attribute + (SubAttribute == null ? "" : "." + SubAttribute);
            }
        }

        public override string ToString() => WirePath;

        /// <summary>A path for a mapped value: <c>active</c> is not one (the plan drives it: deactivate/reactivate).</summary>
        internal static ScimAttributePath ParseMappable(string path)
        {
            var parsed = Parse(path);
            if (parsed.SchemaUri == null && parsed.Attribute.Equals("active", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("'active' is not set as an attribute: use ScimNewUser.Active, DeactivateUserAsync or ReactivateUserAsync.");
            return parsed;
        }

        /// <summary>Parses a path in one of the forms above; an ArgumentException says which forms are understood.</summary>
        public static ScimAttributePath Parse(string path)
        {
            if (path != null && Parsed.TryGetValue(path, out var known)) return known;
            var parsed = ParseText(path);
            if (Parsed.Count < MaxParsed) Parsed.TryAdd(path!, parsed);
            return parsed;
        }

        private static ScimAttributePath ParseText(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw Unsupported(path);
            var text = path!.Trim();
            if (text.Equals("email", StringComparison.OrdinalIgnoreCase)) return new ScimAttributePath(null, "emails", "value", "work", text);
            if (text.Equals("phoneNumber", StringComparison.OrdinalIgnoreCase)) return new ScimAttributePath(null, "phoneNumbers", "value", "work", text);
            if (text.StartsWith("enterprise.", StringComparison.OrdinalIgnoreCase))
            {
                var rest = text.Substring("enterprise.".Length);
                if (rest.Equals("manager", StringComparison.OrdinalIgnoreCase)) rest = "manager.value";
                return Simple(ScimSchemaUris.EnterpriseUser, rest, text);
            }
            if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                var colon = text.LastIndexOf(':');
                var uri = text.Substring(0, colon);
                var rest = text.Substring(colon + 1);
                if (uri.Equals(ScimSchemaUris.User, StringComparison.OrdinalIgnoreCase)) return ParseText(rest);
                if (uri.Length <= 4 || rest.Length == 0) throw Unsupported(path);
                return Simple(uri, rest, text);
            }
            var typed = Typed.Match(text);
            if (typed.Success) return new ScimAttributePath(null, typed.Groups[1].Value, typed.Groups[3].Value, typed.Groups[2].Value, text);
            return Simple(null, text, text);
        }

        private static ScimAttributePath Simple(string? uri, string attributeAndSub, string text)
        {
            var parts = attributeAndSub.Split('.');
            if (parts.Length > 2 || !parts.All(p => Name.IsMatch(p))) throw Unsupported(text);
            return new ScimAttributePath(uri, parts[0], parts.Length == 2 ? parts[1] : null, null, text);
        }

        private static ArgumentException Unsupported(string? path) => new ArgumentException(
            $"'{path}' is not a SCIM attribute path the client understands. Use attribute, attribute.subAttribute, " +
            "multiValued[type eq \"work\"].value, urn:<extension>:attribute[.subAttribute], or the short forms email, phoneNumber, enterprise.<attribute>.");

        private JObject? Container(JObject resource, bool create)
        {
            if (SchemaUri == null) return resource;
            var existing = ScimJson.Get(resource, SchemaUri) as JObject;
            if (existing != null || !create) return existing;
            var block = new JObject();
            resource[SchemaUri] = block;
            return block;
        }

        /// <summary>The attribute's value in a resource as text, or null when absent.</summary>
        public string? ReadFrom(JObject resource)
        {
            var container = Container(resource, create: false);
            var token = ScimJson.Get(container, Attribute);
            if (Type != null) return ScimJson.Text(ScimJson.Get(PickEntry(token as JArray)?.Entry, SubAttribute!));
            if (SubAttribute != null) return ScimJson.Text(ScimJson.Get(token as JObject, SubAttribute));
            return ScimJson.Text(token);
        }

        /// <summary>
        /// The entry a typed path means: the one of that type; else (for resources made by hand) the primary
        /// one when it has no type, else the only untyped one. Null when none fits.
        /// </summary>
        private (JObject Entry, bool ByType)? PickEntry(JArray? entries)
        {
            if (entries == null) return null;
            var objects = entries.OfType<JObject>().ToList();
            var byType = objects.FirstOrDefault(e => string.Equals(ScimJson.String(e, "type"), Type, StringComparison.OrdinalIgnoreCase));
            if (byType != null) return (byType, true);
            var untyped = objects.Where(e => ScimJson.String(e, "type") == null).ToList();
            var primary = untyped.FirstOrDefault(e => ScimJson.Bool(ScimJson.Get(e, "primary")) == true);
            if (primary != null) return (primary, false);
            return untyped.Count == 1 ? (untyped[0], false) : ((JObject, bool)?)null;
        }

        /// <summary>Sets the value in a resource body being built (for POST, PUT and bulk).</summary>
        internal void WriteInto(JObject resource, JToken value)
        {
            var container = Container(resource, create: true)!;
            if (Type != null)
            {
                if (!(ScimJson.Get(container, Attribute) is JArray entries)) container[Attribute] = entries = new JArray();
                var picked = PickEntry(entries);
                if (picked != null) picked.Value.Entry[SubAttribute!] = value;
                else entries.Add(new JObject { ["type"] = Type, [SubAttribute!] = value, ["primary"] = entries.Count == 0 });
                return;
            }
            if (SubAttribute != null)
            {
                if (!(ScimJson.Get(container, Attribute) is JObject complex)) container[Attribute] = complex = new JObject();
                complex[SubAttribute] = value;
                return;
            }
            container[Attribute] = value;
        }

        /// <summary>
        /// The PATCH operations that set this attribute to <paramref name="value"/> (null or empty: remove it),
        /// given the resource as last read, so a typed entry that does not exist yet is added rather than
        /// replaced (a replace whose value filter matches nothing is a 400 noTarget, RFC 7644 §3.5.2.3).
        /// </summary>
        internal IEnumerable<ScimPatchOperation> ToPatch(JObject current, JToken? value)
        {
            var clear = value == null || value.Type == JTokenType.Null || (value.Type == JTokenType.String && ((string?)value)!.Length == 0);
            var prefix = SchemaUri == null ? "" : SchemaUri + ":";
            if (Type != null)
            {
                var picked = PickEntry(ScimJson.Get(Container(current, false), Attribute) as JArray);
                var entryPath = picked == null ? null
                    : picked.Value.ByType ? $"{prefix}{Attribute}[type eq \"{Type}\"]"
                    : ScimJson.Bool(ScimJson.Get(picked.Value.Entry, "primary")) == true ? $"{prefix}{Attribute}[primary eq true]"
                    : null;
                if (clear)
                {
                    if (entryPath != null) yield return ScimPatchOperation.Remove(entryPath);
                    yield break;
                }
                if (entryPath != null)
                {
                    yield return ScimPatchOperation.Replace(entryPath + "." + SubAttribute, value!);
                    yield break;
                }
                var hasEntries = ScimJson.Get(Container(current, false), Attribute) is JArray existing && existing.Count > 0;
                yield return ScimPatchOperation.Add(prefix + Attribute, new JArray(new JObject { ["type"] = Type, [SubAttribute!] = value, ["primary"] = !hasEntries }));
                yield break;
            }

            if (clear)
            {
                if (ReadFrom(current) != null) yield return ScimPatchOperation.Remove(WirePath);
                yield break;
            }
            // An extension's complex attribute is replaced whole ({"value": id} for manager): servers that
            // take "urn:…:manager" do not all take "urn:…:manager.value".
            if (SchemaUri != null && SubAttribute != null)
            {
                yield return ScimPatchOperation.Replace(prefix + Attribute, new JObject { [SubAttribute] = value });
                yield break;
            }
            yield return ScimPatchOperation.Replace(WirePath, value!);
        }
    }
}
