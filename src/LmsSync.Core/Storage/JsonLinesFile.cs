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

        private readonly object _gate = new object();

        public JsonLinesFile(string path) { Path = path; }

        public string Path { get; }

        public void Append(IEnumerable<T> entries)
        {
            var text = new StringBuilder();
            foreach (var entry in entries) text.Append(JsonConvert.SerializeObject(entry, Settings)).Append('\n');
            if (text.Length == 0) return;
            var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
            lock (_gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
                using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
                {
                    stream.Write(bytes, 0, bytes.Length);
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
