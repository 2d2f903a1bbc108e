using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// One run at a time per profile. The lock is an open, unshared handle on <c>run.lock</c>: the
    /// operating system drops it when the holder's process dies, so a crashed run never blocks the next
    /// one. Who holds it (process, machine, since when, which run) sits beside it in <c>run.lock.json</c>
    /// for the error message.
    /// </summary>
    public sealed class RunLock : IDisposable
    {
        private readonly FileStream _handle;
        private readonly string _ownerPath;

        private RunLock(FileStream handle, string ownerPath)
        {
            _handle = handle;
            _ownerPath = ownerPath;
        }

        /// <summary>Takes the lock, or throws <see cref="RunLockedException"/> naming the run that holds it.</summary>
        public static RunLock Acquire(ProfilePaths paths, string profileName, string runId, DateTimeOffset now)
        {
            Directory.CreateDirectory(paths.Folder);
            FileStream handle;
            try
            {
                handle = new FileStream(paths.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                throw new RunLockedException(profileName, ReadOwner(paths.LockOwner));
            }

            var owner = new JObject
            {
                ["processId"] = Process.GetCurrentProcess().Id,
                ["machine"] = Environment.MachineName,
                ["since"] = now.ToString("o", CultureInfo.InvariantCulture),
                ["runId"] = runId,
            };
            try
            {
                AtomicFile.WriteAllText(paths.LockOwner, owner.ToString(Formatting.Indented));
            }
            catch
            {
                handle.Dispose();
                throw;
            }
            return new RunLock(handle, paths.LockOwner);
        }

        private static LockOwner? ReadOwner(string path)
        {
            try
            {
                var json = StrictJson.ParseObject(File.ReadAllText(path));
                return new LockOwner((int?)json["processId"] ?? 0, (string?)json["machine"] ?? "?", (string?)json["since"] ?? "?", (string?)json["runId"] ?? "?");
            }
            catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            try { File.Delete(_ownerPath); }
            catch (IOException) { }
            _handle.Dispose();
        }
    }

    /// <summary>Who holds a run lock.</summary>
    public sealed class LockOwner
    {
        public LockOwner(int processId, string machine, string since, string runId)
        {
            ProcessId = processId;
            Machine = machine;
            Since = since;
            RunId = runId;
        }

        public int ProcessId { get; }
        public string Machine { get; }
        public string Since { get; }
        public string RunId { get; }
    }

    /// <summary>Another run of the same profile is in progress.</summary>
    public sealed class RunLockedException : InvalidOperationException
    {
        public RunLockedException(string profile, LockOwner? owner)
            : base(owner == null
                ? $"Another sync of profile '{profile}' is running. Wait for it to finish, then run again."
                : $"Another sync of profile '{profile}' is running: run {owner.RunId}, since {owner.Since}, process {owner.ProcessId} on {owner.Machine}. Wait for it to finish (Get-SfLmsSyncHistory shows it when done), or stop that process, then run again.")
        {
            Profile = profile;
            Owner = owner;
        }

        public string Profile { get; }
        public LockOwner? Owner { get; }
    }
}
