using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LmsSync.Core.Storage
{
    /// <summary>The journal of a profile: a JSON-lines file per month (UTC), appended as changes are applied.</summary>
    public sealed class Journal
    {
        private readonly string _folder;

        public Journal(string folder) { _folder = folder; }

        public string FileFor(System.DateTimeOffset time) =>
            Path.Combine(_folder, time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ".jsonl");

        public void Append(JournalEntry entry) => new JsonLinesFile<JournalEntry>(FileFor(entry.Time)).Append(entry);

        /// <summary>Every entry, oldest month first.</summary>
        public IEnumerable<JournalEntry> ReadAll()
        {
            if (!Directory.Exists(_folder)) return Enumerable.Empty<JournalEntry>();
            return Directory.GetFiles(_folder, "*.jsonl").OrderBy(f => f, System.StringComparer.Ordinal)
                .SelectMany(f => new JsonLinesFile<JournalEntry>(f).Read());
        }
    }
}
