using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Where LmsSync keeps its files. The root is <c>$LMSSYNC_HOME</c> when set; otherwise
    /// <c>%LOCALAPPDATA%\LmsSync</c> on Windows and <c>$XDG_DATA_HOME/lmssync</c> (default
    /// <c>~/.local/share/lmssync</c>) elsewhere. Each profile has its own folder under <c>profiles/</c>:
    /// profile.json (settings), secrets (protected), state.json, run.lock, journal/, logs/.
    /// </summary>
    public sealed class LmsSyncPaths
    {
        public const string HomeVariable = "LMSSYNC_HOME";

        public LmsSyncPaths(string root)
        {
            Root = Path.GetFullPath(root);
        }

        public string Root { get; }

        public static LmsSyncPaths Default() => new LmsSyncPaths(DefaultRoot());

        public static string DefaultRoot()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(HomeVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment!;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "LmsSync");
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            var dataHome = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
                : xdg!;
            return Path.Combine(dataHome, "lmssync");
        }

        public string ProfilesRoot => Path.Combine(Root, "profiles");

        public ProfilePaths Profile(string name) => new ProfilePaths(Path.Combine(ProfilesRoot, ProfileName.Validate(name)));
    }

    /// <summary>The files of one profile.</summary>
    public sealed class ProfilePaths
    {
        public ProfilePaths(string folder) { Folder = folder; }

        public string Folder { get; }
        public string Settings => Path.Combine(Folder, "profile.json");
        public string Secrets => Path.Combine(Folder, "secrets.json");
        public string State => Path.Combine(Folder, "state.json");
        public string Lock => Path.Combine(Folder, "run.lock");
        public string LockOwner => Path.Combine(Folder, "run.lock.json");
        public string JournalFolder => Path.Combine(Folder, "journal");
        public string LogFolder => Path.Combine(Folder, "logs");

        /// <summary>One JSON line per finished run (read by the schedule and Get-SfLmsSyncHistory).</summary>
        public string HistoryFile => Path.Combine(Folder, "history.jsonl");

        /// <summary>Per-run result files, <c>runs/&lt;runId&gt;.jsonl</c>.</summary>
        public string RunsFolder => Path.Combine(Folder, "runs");
    }

    /// <summary>Profile names become folder names, so they are kept to a safe, portable alphabet.</summary>
    public static class ProfileName
    {
        public const string Default = "default";

        public static string Validate(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("A profile name is required (letters, digits, '-', '_' or '.').");
            var trimmed = name.Trim();
            if (trimmed.Length > 64 || trimmed.StartsWith(".", StringComparison.Ordinal) || !trimmed.All(IsAllowed))
                throw new ArgumentException($"Profile name '{name}' is not allowed: use up to 64 letters, digits, '-', '_' or '.', not starting with '.'.");
            return trimmed;
        }

        private static bool IsAllowed(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }
}
