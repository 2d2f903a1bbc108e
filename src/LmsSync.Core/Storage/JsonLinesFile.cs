using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// An append-only file of one JSON object per line (the journal, the run history). Each append is a
    /// single write of a whole line, flushed, so a crash loses at most the line being written; a torn last
    /// line is skipped on read rather than failing the whole history.
    /// </summary>
    public sealed class JsonLinesFile<T>
    {
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.DateTimeOffset,
            Formatting = Formatting.None,
            Converters = { new Newtonsoft.Json.Converters.StringEnumConverter() },
        };

        /// <summary>
        /// One serializer for every line: JsonConvert.SerializeObject made a serializer (and a string) per line, most of the
        /// cost of a no-op run's 14,397 result lines.
        /// </summary>
        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        private readonly object _gate = new object();
        private readonly JsonSerializer _serializer;

        public JsonLinesFile(string path) : this(path, null) { }

        /// <summary>A file whose lines <paramref name="writer"/> writes (it must write what the serializer would; reading is the serializer's).</summary>
        internal JsonLinesFile(string path, JsonConverter? writer)
        {
            Path = path;
            _serializer = Serializer;
            if (writer == null) return;
            // The file's settings, with the writer first among the converters (a serializer keeps its own list of them).
            _serializer = JsonSerializer.Create(Settings);
            _serializer.Converters.Insert(0, writer);
        }

        public string Path { get; }

        public void Append(IEnumerable<T> entries)
        {
            // The lines are encoded into memory first, so the file still gets them in one write.
            var bytes = new MemoryStream();
            using (var text = new StreamWriter(bytes, Utf8NoBom, 64 * 1024, leaveOpen: true))
                foreach (var entry in entries)
                {
                    using (var json = new JsonTextWriter(text) { CloseOutput = false, Formatting = Formatting.None })
                        _serializer.Serialize(json, entry);
                    text.Write('\n');
                }
            if (bytes.Length == 0) return;
            lock (_gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
                using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
                {
                    stream.Write(bytes.GetBuffer(), 0, (int)bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
            }
        }

        public void Append(T entry) => Append(new[] { entry });

        /// <summary>Every complete line, oldest first, streamed; lines that do not parse are skipped.</summary>
        public IEnumerable<T> Read()
        {
            if (!File.Exists(Path)) yield break;
            using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length == 0) continue;
                    T? entry;
                    try
                    {
                        entry = JsonConvert.DeserializeObject<T>(line, Settings);
                    }
                    catch (JsonException)
                    {
                        continue;
                    }
                    if (entry != null) yield return entry;
                }
            }
        }
    }
}
