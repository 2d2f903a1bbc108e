using System;
using System.IO;

namespace LmsSync.Core.Storage
{
    /// <summary>A file's length and last write time: whether it is still the file read earlier (a save replaces it whole).</summary>
    internal readonly struct FileStamp : IEquatable<FileStamp>
    {
        private FileStamp(long length, DateTime lastWriteUtc)
        {
            Length = length;
            LastWriteUtc = lastWriteUtc;
        }

        public long Length { get; }
        public DateTime LastWriteUtc { get; }

        /// <summary>The file's stamp now; a missing file has length -1.</summary>
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : new FileStamp(-1, default);
        }

        public bool Equals(FileStamp other) => Length == other.Length && LastWriteUtc == other.LastWriteUtc;
        public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);
        public override int GetHashCode() => Length.GetHashCode() ^ LastWriteUtc.GetHashCode();
    }
}
