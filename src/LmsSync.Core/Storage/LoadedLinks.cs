using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Where a loaded state file holds its link lines (<see cref="LinkLines"/>), so that a save of the same links (a no-op
    /// run's) copies those 12.5 MB of a 100,000-user state instead of formatting 80,000 lines again. Copied only while the
    /// file is the one loaded (same length and last write time) and the links saved are the very ones read from it;
    /// otherwise the lines are written as always.
    /// </summary>
    internal sealed class LoadedLinks
    {
        private const int BlockSize = 64 * 1024;

        private readonly string _path;
        private readonly FileStamp _stamp;
        private readonly LinkLines.Span _lines;
        private readonly List<Link> _links;
        private readonly int _count;

        private LoadedLinks(string path, FileStamp stamp, LinkLines.Span lines, List<Link> links)
        {
            _path = path;
            _stamp = stamp;
            _lines = lines;
            _links = links;
            _count = links.Count;
        }

        /// <summary>The lines of a file read whole as <paramref name="length"/> bytes, if it was the same file before and after the read.</summary>
        public static LoadedLinks? Of(string path, FileStamp before, long length, LinkLines.Span lines, List<Link> links) =>
            lines.NewLine != null && before.Length == length && before.Equals(FileStamp.Of(path)) ? new LoadedLinks(Path.GetFullPath(path), before, lines, links) : null;

        /// <summary>
        /// Whether <paramref name="links"/> are the links loaded (the same objects, none added, dropped or moved: the list
        /// is a copy of the loaded one, so its ends and count are checked) and their lines can be copied into
        /// <paramref name="path"/>'s new text, whose line breaks are <paramref name="newLine"/>.
        /// </summary>
        public bool CanCopy(string path, IReadOnlyList<Link> links, string newLine) =>
            _lines.NewLine == newLine && links.Count == _count && _links.Count == _count && _count > 0 &&
            ReferenceEquals(links[0], _links[0]) && ReferenceEquals(links[_count - 1], _links[_count - 1]) &&
            string.Equals(Path.GetFullPath(path), _path, StringComparison.Ordinal);

        /// <summary>Copies the lines from the file as loaded; false (nothing written) if the file changed since, or is gone.</summary>
        public bool TryCopy(TextWriter writer)
        {
            if (!_stamp.Equals(FileStamp.Of(_path))) return false;
            using (var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockSize))
            {
                if (file.Length != _stamp.Length) return false;
                file.Position = _lines.Start;
                // The lines are printable ASCII (LinkLines reads no other), so each byte is its character.
                var bytes = new byte[BlockSize];
                var chars = new char[BlockSize];
                for (var left = _lines.End - _lines.Start; left > 0;)
                {
                    var read = file.Read(bytes, 0, Math.Min(left, BlockSize));
                    if (read <= 0) throw new IOException($"The state file '{_path}' ended while its links were copied.");
                    var count = Encoding.ASCII.GetChars(bytes, 0, read, chars, 0);
                    writer.Write(chars, 0, count);
                    left -= read;
                }
            }
            return true;
        }
    }
}
