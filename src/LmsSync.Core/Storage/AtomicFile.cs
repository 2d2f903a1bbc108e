using System;
using System.IO;
using System.Text;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Writes a file whole or not at all: a temp file beside it, flushed to disk, then renamed over
    /// the target. A crash mid-write leaves the old file intact (and at worst a stray .tmp).
    /// </summary>
    public static class AtomicFile
    {
        private const int BufferSize = 64 * 1024;
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        public static void WriteAllText(string path, string contents, bool ownerOnly = false) =>
            Write(path, writer => writer.Write(contents), ownerOnly);

        /// <summary>
        /// The same, with the text written by <paramref name="write"/> straight into the file (UTF-8, no BOM), so a large
        /// document (a 15 MB state file) is never held whole as a string.
        /// </summary>
        public static void Write(string path, Action<TextWriter> write, bool ownerOnly = false)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Restrict before the first byte of a secret is written.
                    if (ownerOnly) OwnerOnlyPermissions.Apply(temp);
                    using (var writer = new StreamWriter(stream, Utf8NoBom, BufferSize, leaveOpen: true))
                        write(writer);
                    stream.Flush(flushToDisk: true);
                }
                Replace(temp, full);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        private static void Replace(string temp, string target)
        {
            if (File.Exists(target)) File.Replace(temp, target, destinationBackupFileName: null, ignoreMetadataErrors: true);
            else File.Move(temp, target);
        }

        private static void TryDelete(string path)
        {
            try { if (File.Exists(path)) File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
