using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Reads and writes a profile's <c>state.json</c>. A missing file is an empty state (the first run); a file that
    /// does not parse, or holds something a state cannot, is a <see cref="StateFileException"/> naming the file and
    /// the problem, and is never overwritten. Writes are atomic.
    /// </summary>
    public static class StateFile
    {
        private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            MissingMemberHandling = MissingMemberHandling.Error,
            DateParseHandling = DateParseHandling.None,
            // A property given twice counts once, its last value (as when the file was parsed into a JObject first).
            ObjectCreationHandling = ObjectCreationHandling.Replace,
            Converters = { new Newtonsoft.Json.Converters.StringEnumConverter(), new IsoDateTimeOffsetConverter(), new LinkJsonConverter() },
        });

        private static readonly JsonSerializer WriteSerializer = JsonSerializer.Create(WriteSettings(new DefaultContractResolver()));

        /// <summary>Writes all but the links (<see cref="Save(string, StoredState, bool)"/> writes them itself).</summary>
        private static readonly JsonSerializer HeaderSerializer = JsonSerializer.Create(WriteSettings(new WithoutLinks()));

        private static JsonSerializerSettings WriteSettings(IContractResolver resolver) => new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Ignore,
            Converters = { new Newtonsoft.Json.Converters.StringEnumConverter(), new LinkJsonConverter() },
            ContractResolver = resolver,
        };

        /// <summary>
        /// Read whole as bytes (12.5 MB for a 100,000-user state): the links, last and one per line, are read from them by
        /// hand (<see cref="LinkLines"/>) and the header before them by the JSON reader; a file laid out otherwise is read
        /// whole by the JSON reader, which reports what is wrong with it.
        /// </summary>
        public static StoredState Load(string path) => Load(path, readLinkLines: true);

        /// <summary>As <see cref="Load(string)"/>; without <paramref name="readLinkLines"/>, the JSON reader reads every file whole (what tests compare with).</summary>
        internal static StoredState Load(string path, bool readLinkLines)
        {
            if (!File.Exists(path)) return new StoredState();
            StoredState? state;
            try
            {
                var stamp = FileStamp.Of(path);
                var bytes = File.ReadAllBytes(path);
                state = (readLinkLines ? FromLinkLines(path, stamp, bytes) : null) ??
                        Parse(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StateFileException(path, "it cannot be read (" + e.Message + ")", e);
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is FormatException || e is InvalidCastException)
            {
                throw new StateFileException(path, e.Message, e);
            }
            if (state == null) throw new StateFileException(path, "it holds no state object");
            Check(path, state);
            return state;
        }

        /// <param name="stamp">The file's stamp before it was read: its link lines are remembered for the next save (<see cref="LoadedLinks"/>) only if it is the same after.</param>
        private static StoredState? FromLinkLines(string path, FileStamp stamp, byte[] bytes)
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            if (!LinkLines.TryRead(bytes, start, out var headerEnd, out var links, out var lines)) return null;
            // The header as its own object: everything before the comma that precedes "Links", closed.
            var state = Parse(new StringReader(Encoding.UTF8.GetString(bytes, start, headerEnd - start) + "\n}"));
            if (state != null)
            {
                state.Links = links;
                state.LoadedLinks = LoadedLinks.Of(path, stamp, bytes.Length, lines, links);
            }
            return state;
        }

        private static StoredState? Parse(TextReader text)
        {
            using (text) return StrictJson.Deserialize<StoredState>(text, Serializer);
        }

        /// <summary>
        /// The part of the state that decides a run's read (version, watermark, last full run, configuration hash, group
        /// snapshot), read from the top of the file without the links, which <see cref="StoredState"/> writes last; the
        /// other lists come back empty. Read token by token, not through the serializer: in a fresh process the serializer's
        /// first use (the contracts of the state and its runs, and their compiling) took 0.15–0.3 s of an incremental run's
        /// start, before its Salesforce read could start. Null when the file is missing, was written with its links first
        /// (before this layout), or holds anything unexpected: the caller then waits for <see cref="Load"/>, which reports
        /// any problem (and reads the file whole, whatever this read).
        /// </summary>
        public static StoredState? LoadHeader(string path)
        {
            try
            {
                using (var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
                using (var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None })
                {
                    if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return null;
                    var header = new StoredState();
                    var whole = false;
                    while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                    {
                        var name = (string)reader.Value!;
                        // LastRuns, always written, is the last property before the links: seen, the header is whole.
                        if (name == nameof(StoredState.Links)) return whole && header.Version == StoredState.CurrentVersion ? header : null;
                        if (!reader.Read() || !ReadHeaderProperty(reader, name, header)) return null;
                        whole |= name == nameof(StoredState.LastRuns);
                    }
                    return null;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException || e is ArgumentException || e is FormatException || e is InvalidCastException)
            {
                return null;
            }
        }

        /// <summary>One property of the header, the reader on its value; false for a name or a value the state does not have there.</summary>
        private static bool ReadHeaderProperty(JsonReader reader, string name, StoredState header)
        {
            switch (name)
            {
                case nameof(StoredState.Version):
                    if (reader.TokenType != JsonToken.Integer) return false;
                    header.Version = Convert.ToInt32(reader.Value, CultureInfo.InvariantCulture);
                    return true;
                case nameof(StoredState.SystemModstampWatermark):
                    header.SystemModstampWatermark = reader.TokenType == JsonToken.Null ? (DateTimeOffset?)null : IsoDateTimeOffsetConverter.Read(reader);
                    return true;
                case nameof(StoredState.LastFullRun):
                    header.LastFullRun = reader.TokenType == JsonToken.Null ? (DateTimeOffset?)null : IsoDateTimeOffsetConverter.Read(reader);
                    return true;
                case nameof(StoredState.ConfigurationHash):
                    if (reader.TokenType != JsonToken.String && reader.TokenType != JsonToken.Null) return false;
                    header.ConfigurationHash = (string?)reader.Value;
                    return true;
                case nameof(StoredState.GroupMemberships):
                    return ReadGroupMemberships(reader, header);
                case nameof(StoredState.ManagedGroupIds):
                case nameof(StoredState.ManagedGroupNames):
                case nameof(StoredState.CreatedDepartmentIds):
                case nameof(StoredState.LastRuns):
                    // Not what a read is chosen by: left to the whole load, which checks them.
                    if (reader.TokenType != JsonToken.StartArray) return false;
                    reader.Skip();
                    return true;
                default:
                    return false;
            }
        }

        private static bool ReadGroupMemberships(JsonReader reader, StoredState header)
        {
            if (reader.TokenType == JsonToken.Null)
            {
                header.GroupMemberships = null;
                return true;
            }
            if (reader.TokenType != JsonToken.StartObject) return false;
            var snapshot = new Dictionary<string, string>();
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var id = (string)reader.Value!;
                if (!reader.Read() || reader.TokenType != JsonToken.String) return false;
                snapshot[id] = (string)reader.Value!;
            }
            if (reader.TokenType != JsonToken.EndObject) return false;
            header.GroupMemberships = snapshot;
            return true;
        }

        /// <summary>
        /// The header as the JSON writer writes it, then the links as lines written by hand (<see cref="LinkLines"/>), the
        /// same text the JSON writer would write for them; a link with an id to escape leaves the whole file to the JSON writer.
        /// Links that are still those loaded from this file as lines (<see cref="StoredState.LoadedLinks"/>) have their lines
        /// copied from it.
        /// </summary>
        public static void Save(string path, StoredState state) => Save(path, state, writeLinkLines: true);

        /// <summary>As <see cref="Save(string, StoredState)"/>; without <paramref name="writeLinkLines"/>, all by the JSON writer (what tests compare with).</summary>
        internal static void Save(string path, StoredState state, bool writeLinkLines) =>
            AtomicFile.Write(path, writer =>
            {
                var loaded = state.LoadedLinks != null && state.LoadedLinks.CanCopy(path, state.Links, writer.NewLine) ? state.LoadedLinks : null;
                // Lines read by LinkLines are lines it can write.
                if (writeLinkLines && state.Links.Count > 0 && (loaded != null || LinkLines.CanWrite(state.Links))) WriteWithLinkLines(writer, state, loaded);
                else WriteSerializer.Serialize(writer, state);
            });

        private static void WriteWithLinkLines(TextWriter writer, StoredState state, LoadedLinks? loaded)
        {
            string header;
            using (var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = writer.NewLine })
            {
                HeaderSerializer.Serialize(text, state);
                header = text.ToString();
            }
            // The header object reopened for one more property, last: the links.
            var close = writer.NewLine + "}";
            writer.Write(header.Substring(0, header.Length - close.Length));
            writer.Write(",");
            writer.Write(writer.NewLine);
            writer.Write("  \"" + nameof(StoredState.Links) + "\": [");
            writer.Write(writer.NewLine);
            if (loaded == null || !loaded.TryCopy(writer)) LinkLines.Write(writer, state.Links);
            writer.Write("  ]");
            writer.Write(close);
        }

        private static void Check(string path, StoredState state)
        {
            if (state.Version != StoredState.CurrentVersion)
                throw new StateFileException(path, $"its version is {state.Version}; this LmsSync reads version {StoredState.CurrentVersion}");
            if (state.Links == null || state.ManagedGroupIds == null || state.ManagedGroupNames == null || state.CreatedDepartmentIds == null || state.LastRuns == null)
                throw new StateFileException(path, "a list (Links, ManagedGroupIds, ManagedGroupNames, CreatedDepartmentIds or LastRuns) is null");
            if (state.Links.Any(l => l == null))
                throw new StateFileException(path, "Links holds a null entry");
            var linked = new HashSet<string>(StringComparer.Ordinal);
            foreach (var link in state.Links)
                if (!linked.Add(link.LmsId))
                    throw new StateFileException(path, $"LMS user '{link.LmsId}' is linked to more than one Salesforce user");
        }

        /// <summary>The state's properties but its links.</summary>
        private sealed class WithoutLinks : DefaultContractResolver
        {
            protected override IList<JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization) =>
                base.CreateProperties(type, memberSerialization)
                    .Where(p => !(type == typeof(StoredState) && p.PropertyName == nameof(StoredState.Links))).ToList();
        }
    }

    /// <summary>A state file that cannot be used; it is left exactly as it is.</summary>
    public sealed class StateFileException : Exception
    {
        public StateFileException(string path, string problem, Exception? inner = null)
            : base($"The sync state file '{path}' is not usable: {problem}. It was left untouched. Restore it from a backup or fix it by hand; " +
                   "or move it aside to start over (the next run then re-links users by Salesforce Id, email or login).", inner)
        {
            Path = path;
            Problem = problem;
        }

        public string Path { get; }
        public string Problem { get; }
    }
}
