using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LmsSync.Core.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// Saved profiles under <see cref="LmsSyncPaths"/> (<c>$LMSSYNC_HOME</c> or the per-user data folder):
    /// each has profile.json (settings, no secret, written atomically) and a protected secrets file.
    /// </summary>
    public sealed class ProfileStore
    {
        private static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
            ObjectCreationHandling = ObjectCreationHandling.Replace,
        };

        public ProfileStore(LmsSyncPaths paths)
        {
            Paths = paths ?? throw new ArgumentNullException(nameof(paths));
        }

        /// <summary>The store at the default root (honours <c>LMSSYNC_HOME</c>).</summary>
        public static ProfileStore Default() => new ProfileStore(LmsSyncPaths.Default());

        public LmsSyncPaths Paths { get; }

        /// <summary>The folder of a profile; throws <see cref="ProfileException"/> (Invalid) for a name that cannot be a folder.</summary>
        public ProfilePaths PathsOf(string name)
        {
            try { return Paths.Profile(name); }
            catch (ArgumentException e) { throw new ProfileException(ProfileErrorKind.Invalid, e.Message, e); }
        }

        public bool Exists(string name) => File.Exists(PathsOf(name).Settings);

        /// <summary>Names of the saved profiles, sorted.</summary>
        public IReadOnlyList<string> List()
        {
            if (!Directory.Exists(Paths.ProfilesRoot)) return new string[0];
            // A name starting with '.' is never a profile's (ProfileName): it is a removal that did not finish.
            return Directory.GetDirectories(Paths.ProfilesRoot)
                .Where(folder => !Path.GetFileName(folder).StartsWith(".", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, "profile.json")))
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .ToList()!;
        }

        /// <summary>Writes the settings, and the secrets when given (null keeps the saved secrets as they are).</summary>
        public void Save(SfLmsProfile profile, ProfileSecrets? secrets)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var paths = PathsOf(profile.Name);
            profile.Name = Storage.ProfileName.Validate(profile.Name);
            AtomicFile.WriteAllText(paths.Settings, ToJson(profile));
            if (secrets != null) new SecretFile(paths.Secrets).Save(secrets.ToDictionary());
        }

        /// <summary>
        /// Before saving a re-connect over a saved profile: takes the saved sync configuration (mapping, rules,
        /// options) when the LMS kind is the same, so that new credentials do not reset it. True when it did.
        /// </summary>
        public bool KeepConfigurationOf(SfLmsProfile profile)
        {
            if (!Exists(profile.Name)) return false;
            SfLmsProfile saved;
            try { saved = Load(profile.Name); }
            catch (ProfileException) { return false; }
            if (saved.Lms.Kind != profile.Lms.Kind) return false;
            profile.Sync = saved.Sync;
            profile.Lms.Options = saved.Lms.Options;
            return true;
        }

        /// <summary>The settings of a saved profile; the name is the folder's.</summary>
        public SfLmsProfile Load(string name)
        {
            var paths = PathsOf(name);
            if (!File.Exists(paths.Settings))
                throw NotFound(name, paths.Settings);
            SfLmsProfile? profile;
            try
            {
                profile = FromJson(File.ReadAllText(paths.Settings));
            }
            catch (JsonException e)
            {
                throw new ProfileException(ProfileErrorKind.Invalid,
                    $"The profile file '{paths.Settings}' is broken: {e.Message} Fix the file, or save the profile again with Connect-SfLms -Name {name} -Save.", e);
            }
            if (profile == null)
                throw new ProfileException(ProfileErrorKind.Invalid, $"The profile file '{paths.Settings}' is empty. Save the profile again with Connect-SfLms -Name {name} -Save.");
            profile.Name = Path.GetFileName(paths.Folder);
            return profile;
        }

        /// <summary>The saved secrets of a profile (empty when none were saved).</summary>
        public ProfileSecrets LoadSecrets(string name)
        {
            try { return ProfileSecrets.FromDictionary(new SecretFile(PathsOf(name).Secrets).Load()); }
            catch (InvalidDataException e) { throw new ProfileException(ProfileErrorKind.Invalid, e.Message, e); }
            catch (FormatException e) { throw new ProfileException(ProfileErrorKind.Invalid, $"The secrets file '{PathsOf(name).Secrets}' is damaged ({e.GetType().Name}). Save the profile again with Connect-SfLms -Save.", e); }
        }

        /// <summary>The files of a saved profile, broken or not; a <see cref="ProfileException"/> (NotFound) when there is none.</summary>
        public ProfilePaths CheckSaved(string name)
        {
            var paths = PathsOf(name);
            if (!Directory.Exists(paths.Folder))
                throw NotFound(name, paths.Folder);
            return paths;
        }

        /// <summary>
        /// Removes a saved profile with everything in its folder (settings, secrets, state, history), unless a run of
        /// it holds the run lock (<see cref="RunLockedException"/>). The folder is first renamed aside in one step, so
        /// the profile is either whole or gone: a delete that fails halfway leaves a hidden folder, never half a profile.
        /// A broken profile (one <see cref="Load"/> refuses) can be removed too.
        /// </summary>
        public void Remove(string name)
        {
            var paths = CheckSaved(name);
            var folderName = Path.GetFileName(paths.Folder);
            // Taken and let go at once: proves no run is under way (a held lock file cannot be moved on Windows anyway).
            RunLock.Acquire(paths, folderName, "remove", DateTimeOffset.UtcNow).Dispose();
            var aside = Path.Combine(Paths.ProfilesRoot, "." + folderName + ".removing-" + Guid.NewGuid().ToString("N"));
            Directory.Move(paths.Folder, aside);
            Directory.Delete(aside, recursive: true);
        }

        public static string ToJson(SfLmsProfile profile) => JsonConvert.SerializeObject(profile, Settings);

        /// <summary>Parses profile.json strictly (truncated or trailing text is an error); throws <see cref="JsonException"/>.</summary>
        public static SfLmsProfile? FromJson(string json)
        {
            JObject document = StrictJson.ParseObject(json);
            return document.ToObject<SfLmsProfile>(JsonSerializer.Create(Settings));
        }

        /// <summary>The error for a name no saved profile has: it lists the saved ones and says how to save one.</summary>
        public ProfileException NotFound(string name, string? lookedFor = null) =>
            new ProfileException(ProfileErrorKind.NotFound,
                $"No saved profile named '{name}'{(lookedFor == null ? "" : $" (looked for '{lookedFor}')")}. Saved profiles: {Describe(List())}. Save one with Connect-SfLms ... -Name {name} -Save.");

        private static string Describe(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
