using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using LmsSync.Core.Sync;
using LmsSync.Core.Text;
using static LmsSync.Core.Text.JsonTokens;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// Reads a SCIM ListResponse token by token from the received body (<see cref="Read{T}"/>): no page-level tree, each resource
    /// read once. A user comes out with its identity read, the fields asked for read out, and what a later PATCH diff
    /// needs kept as compact UTF-8 (<see cref="ScimUser.Resource"/> parses it again on the rare use). A whole-list read
    /// of 100,000 users held a page tree, a tree per user and a string per user; this holds none of them.
    /// Same rules as <see cref="ScimJson.Parse(TextReader)"/>: dates stay as sent, names compare ignoring case,
    /// anything after the object but comments is an error (a body cut and glued).
    /// </summary>
    internal static class ScimStreamReader
    {
        /// <summary>
        /// Attributes no PATCH of a user attribute reads or touches: server-computed (<c>meta</c>, <c>groups</c>,
        /// RFC 7643 §4.1.2 and §3.1) or not a user attribute (<c>schemas</c>). Left out of what a listed user keeps.
        /// </summary>
        private static readonly HashSet<string> NotKept = new HashSet<string>(new[] { "meta", "groups", "schemas" }, StringComparer.OrdinalIgnoreCase);

        // Per known name (ScimNames): whether it is one of NotKept, and whether it is an identity attribute, worked out once.
        private static readonly bool[] KnownNotKept = ScimNames.Matching("groups", "schemas");
        private static readonly bool[] KnownIdentity = ScimNames.Matching("id", "userName", "externalId", "active");
        private static readonly int KnownMeta = Array.IndexOf(ScimNames.Known, "meta");

        [ThreadStatic]
        private static UserBuffers? _buffers;

        /// <summary>A reader with the settings of <see cref="ScimJson.Parse(TextReader)"/>.</summary>
        public static JsonTextReader Open(TextReader text) =>
            new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, CloseInput = false, PropertyNameTable = ScimNames.Text };

        /// <summary>
        /// A received body (UTF-8, [0, <paramref name="length"/>)) read by <paramref name="read"/> straight from its bytes
        /// (<see cref="ByteJsonReader"/>), with the settings of <see cref="Open"/>; a body that is not plain JSON is read
        /// through <see cref="Open"/> instead, so its values and errors are as they were.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static T Read<T>(byte[] json, int length, Func<JsonReader, T> read) =>
            ByteJson.Read(json, length, ScimNames.Bytes, FloatParseHandling.Double, Open, read);

        /// <summary>
        /// <c>{"totalResults":…, "Resources":[…], …}</c> in any order; resources that are not objects are ignored, a
        /// missing or non-array <c>Resources</c> is an empty page. Null when the body holds no JSON value at all.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static ScimListPage<T>? ListPage<T>(JsonReader reader, Func<JsonReader, T> readResource)
        {
            if (!NextOrEnd(reader)) return null;
            if (reader.TokenType != JsonToken.StartObject) throw new JsonReaderException("Expected a JSON object.");
            int? total = null;
            IReadOnlyList<T> resources = Array.Empty<T>();
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                if (Is(name, "totalResults")) total = ScimJson.Int(JToken.ReadFrom(reader));
                else if (Is(name, "Resources")) resources = Objects(reader, readResource);
                else JsonTokens.Skip(reader);
            }
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional text after the JSON value.");
            }
            return new ScimListPage<T>(total, resources);
        }

        /// <summary>
        /// A user; the reader is on its <c>StartObject</c> and is left on its <c>EndObject</c>. Its identity and the
        /// fields asked for are read as the tokens pass (<see cref="ScimFieldReader"/>), and each kept token goes once to
        /// the user's compact text (<see cref="ScimKeptText"/>); no tree is built. With fields asked for, only the
        /// attributes whose shape a PATCH diff needs are kept (<see cref="ScimFieldSet.KeepsWhole"/>); the rest of what a
        /// diff reads is the fields' values, which <see cref="ScimUser.Resource"/> writes back in. What is neither read
        /// nor kept is passed without decoding its strings (<see cref="JsonTokens.Skip"/>). With <paramref name="sharing"/>
        /// (one per read), values equal to ones read before are those strings.
        /// </summary>
        [MethodImpl(Jit.Optimized)]
        public static ScimListedUser User(JsonReader reader, ScimFieldSet fields, ScimValueSharing? sharing = null)
        {
            var buffers = _buffers ?? (_buffers = new UserBuffers());
            var kept = buffers.Kept.Start(reader);
            var values = fields.Fields.Count == 0 ? null : buffers.FieldReader(fields.Fields.Count).Start(reader, kept);
            var identity = buffers.Identity.Start();
            Meta meta = default;
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                var known = ScimNames.IndexOf(name);
                if (known >= 0 ? known == KnownMeta : Is(name, "meta"))
                {
                    Next(reader);
                    meta = ReadMeta(reader);
                    continue;
                }
                if (known >= 0 ? KnownNotKept[known] : NotKept.Contains(name))
                {
                    Next(reader);
                    JsonTokens.Skip(reader);
                    continue;
                }
                var atRoot = values == null ? null : fields.AtRoot(name);
                var keep = fields.KeepsWhole(atRoot);
                // The name goes to the kept text while the reader is on it.
                if (keep) kept.Token();
                Next(reader);
                if (known < 0 || KnownIdentity[known]) identity.Read(name, reader);
                if (atRoot != null) values!.Root(name, atRoot, keep);
                else if (keep) kept.Value();
                else JsonTokens.Skip(reader);
            }
            var id = identity.Id ?? throw new FormatException("A SCIM user came back without an id.");
            if (values == null)
            {
                return new ScimListedUser(new ScimUser(id, identity.UserName ?? "", identity.ExternalId, identity.Active, meta.Version, meta.Created, meta.LastModified,
                    kept.Finish(), fields, null), ScimFieldSet.NoValues);
            }
            var version = sharing == null ? meta.Version : sharing.Share(values.Values, meta.Version);
            var read = fields.ToDictionary(values.Values);
            // The identity's strings are the fields' where equal (userName and externalId are fields too).
            var user = new ScimUser(id, read.Held(identity.UserName) ?? "", read.Held(identity.ExternalId), identity.Active, version, meta.Created, meta.LastModified,
                kept.Finish(), fields, values.Values);
            return new ScimListedUser(user, read);
        }

        [MethodImpl(Jit.Optimized)]
        private static Meta ReadMeta(JsonReader reader)
        {
            var meta = default(Meta);
            if (reader.TokenType != JsonToken.StartObject)
            {
                reader.Skip();
                return meta;
            }
            while (Next(reader) == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                Next(reader);
                if (Is(name, "version")) meta.Version = ScimFieldReader.Text(reader);
                else if (Is(name, "created")) meta.Created = ScimJson.Date(ScimFieldReader.Text(reader));
                else if (Is(name, "lastModified")) meta.LastModified = ScimJson.Date(ScimFieldReader.Text(reader));
                JsonTokens.Skip(reader);
            }
            return meta;
        }

        private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

        /// <summary>The attributes every listed user has read out, with the name rules of <see cref="ScimFieldReader"/>.</summary>
        private sealed class Identity
        {
            private bool _id, _userName, _externalId, _active;

            /// <summary>Forgets the last user read with this instance (one per thread).</summary>
            [MethodImpl(Jit.Optimized)]
            public Identity Start()
            {
                _id = _userName = _externalId = _active = false;
                Id = UserName = ExternalId = null;
                Active = null;
                return this;
            }

            public string? Id { get; private set; }
            public string? UserName { get; private set; }
            public string? ExternalId { get; private set; }
            public bool? Active { get; private set; }

            /// <summary>The reader is on the attribute's value and stays there.</summary>
            [MethodImpl(Jit.Optimized)]
            public void Read(string name, JsonReader reader)
            {
                if (ScimFieldReader.Claim(ref _id, name, "id")) Id = ScimFieldReader.Text(reader);
                else if (ScimFieldReader.Claim(ref _userName, name, "userName")) UserName = ScimFieldReader.Text(reader);
                else if (ScimFieldReader.Claim(ref _externalId, name, "externalId")) ExternalId = ScimFieldReader.Text(reader);
                else if (ScimFieldReader.Claim(ref _active, name, "active")) Active = ScimFieldReader.Bool(reader);
            }
        }

        private struct Meta
        {
            public string? Version;
            public DateTimeOffset? Created;
            public DateTimeOffset? LastModified;
        }

        /// <summary>
        /// What a thread reuses from user to user: a page is parsed synchronously from the buffered body, so a thread
        /// reads one user at a time, and only what the user keeps is allocated per user (new writers and field readers
        /// per user were some 50 MB a 100,000-user read).
        /// </summary>
        private sealed class UserBuffers
        {
            private ScimFieldReader? _fields;

            public ScimKeptText Kept { get; } = new ScimKeptText();

            public Identity Identity { get; } = new Identity();

            /// <summary>The thread's field reader, for a field set of this size (one reads one user at a time, as the text is kept).</summary>
            [MethodImpl(Jit.Optimized)]
            public ScimFieldReader FieldReader(int fields) =>
                _fields != null && _fields.Fields == fields ? _fields : _fields = new ScimFieldReader(fields);
        }
    }
}
