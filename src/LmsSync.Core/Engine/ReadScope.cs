using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using LmsSync.Core.Salesforce.Groups;
using LmsSync.Core.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// Whether a run reads every Salesforce user (Full) or only those changed since the watermark (Incremental), and why.
    /// An incremental read is never complete in the planner's sense: nobody is deactivated as missing, and only the
    /// rows of the users read are applied. Only a full read finds users who left the source query.
    /// </summary>
    internal sealed class ReadScope
    {
        private ReadScope(ReadMode mode, string reason, DateTimeOffset? since, IReadOnlyDictionary<string, string>? previousGroups)
        {
            Mode = mode;
            Reason = reason;
            Since = since;
            PreviousGroups = previousGroups;
        }

        public ReadMode Mode { get; }
        public string Reason { get; }

        /// <summary>Incremental only: read users with SystemModstamp at or after this (the watermark less the overlap).</summary>
        public DateTimeOffset? Since { get; }

        /// <summary>Incremental only: the stored group snapshot to compare with (null when groups are not read).</summary>
        public IReadOnlyDictionary<string, string>? PreviousGroups { get; }

        public static ReadScope Full(string reason) => new ReadScope(ReadMode.Full, reason, null, null);

        /// <summary>The scope when the request or the options alone decide it (always a full read), or null when the state decides.</summary>
        public static ReadScope? WithoutState(RunRequest request, SyncConfiguration configuration)
        {
            if (request.OnlySalesforceIds != null) return Full("piped users: everyone is read so matching is right; only their rows are applied");
            if (request.Full) return Full("-Full was given");
            if (configuration.Options.FullReconcileEvery <= TimeSpan.Zero) return Full("FullReconcileEvery is 0, so every run is full");
            return null;
        }

        /// <param name="configurationHash"><see cref="HashOf"/> of <paramref name="configuration"/> when the caller has it already.</param>
        public static ReadScope Decide(RunRequest request, StoredState state, SyncConfiguration configuration, bool readsGroups, DateTimeOffset now,
            string? configurationHash = null)
        {
            if (WithoutState(request, configuration) is ReadScope known) return known;
            var options = configuration.Options;
            if (state.SystemModstampWatermark is not DateTimeOffset watermark) return Full("no SystemModstamp watermark yet (first run, or no clean run since)");
            if (state.LastFullRun is not DateTimeOffset lastFull) return Full("no full run recorded yet");
            if (now - lastFull >= options.FullReconcileEvery)
                return Full($"the last full run ({lastFull.ToString("u", CultureInfo.InvariantCulture)}) is older than FullReconcileEvery ({options.FullReconcileEvery})");
            if (state.ConfigurationHash != (configurationHash ?? HashOf(configuration)))
                return Full("the mapping, rules, scope or options changed since the last clean run");
            if (readsGroups && state.GroupMemberships == null) return Full("no public-group snapshot yet");
            var overlap = options.IncrementalOverlap < TimeSpan.Zero ? TimeSpan.Zero : options.IncrementalOverlap;
            return new ReadScope(ReadMode.Incremental,
                $"users changed since {watermark.ToString("u", CultureInfo.InvariantCulture)} less {overlap} overlap" + (readsGroups ? ", plus users whose public groups changed" : ""),
                watermark - overlap, readsGroups ? state.GroupMemberships : null);
        }

        /// <summary>A fingerprint of everything that decides a user's row: when it changes, the next run is full.</summary>
        public static string HashOf(SyncConfiguration configuration) => Hash(JsonConvert.SerializeObject(configuration, HashSettings), 16);

        /// <summary>
        /// The serializer's default settings, so the text (and the hash stored by earlier versions) is the same, but with each
        /// property read by reflection (<see cref="ReflectionValueProvider"/>) instead of a getter compiled for it: a run
        /// serializes the configuration once, and in a fresh process compiling those getters cost some 40–60 ms of the
        /// 0.2–0.25 s of CPU the hash took at the start of an incremental run.
        /// </summary>
        private static readonly JsonSerializerSettings HashSettings = new JsonSerializerSettings { ContractResolver = new ReflectedValues() };

        private sealed class ReflectedValues : DefaultContractResolver
        {
            protected override IValueProvider CreateMemberValueProvider(MemberInfo member) => new ReflectionValueProvider(member);
        }

        /// <summary>User id → a short hash of the user's sorted public-group names; users in no group are left out.</summary>
        public static Dictionary<string, string> GroupSnapshot(PublicGroupMemberships memberships)
        {
            var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var id in memberships.UserIds)
            {
                var groups = memberships.GroupsOf(id);
                if (groups.Count == 0) continue;
                snapshot[id] = Hash(string.Join("\n", groups.Select(g => g.ToUpperInvariant()).OrderBy(g => g, StringComparer.Ordinal)), 8);
            }
            return snapshot;
        }

        /// <summary>Users whose group hash differs between the two snapshots (joined, left, or moved).</summary>
        public static List<string> ChangedGroupUsers(IReadOnlyDictionary<string, string> previous, IReadOnlyDictionary<string, string> current)
        {
            var changed = new List<string>();
            foreach (var pair in current)
                if (!previous.TryGetValue(pair.Key, out var before) || before != pair.Value) changed.Add(pair.Key);
            foreach (var id in previous.Keys)
                if (!current.ContainsKey(id)) changed.Add(id);
            return changed;
        }

        private static string Hash(string text, int bytes)
        {
            using (var sha = SHA256.Create())
            {
                var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var builder = new StringBuilder(bytes * 2);
                for (var i = 0; i < bytes; i++) builder.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
                return builder.ToString();
            }
        }
    }
}
