using System;
using System.Collections.Generic;
using LmsSync.Core.Scheduling;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// How a run ended, with its counts. One of these is appended to the profile's <c>history.jsonl</c> per run
    /// (a superset of <see cref="RunHistoryRecord"/>, which the schedule reads).
    /// </summary>
    /// <summary>How much of Salesforce a run read.</summary>
    public enum ReadMode
    {
        Full,
        Incremental,
    }

    public sealed class RunSummary
    {
        public string RunId { get; set; } = "";
        public string Profile { get; set; } = "";
        public DateTimeOffset Started { get; set; }
        public DateTimeOffset Ended { get; set; }

        [JsonConverter(typeof(StringEnumConverter))]
        public RunStatus Status { get; set; }

        /// <summary>Why the run ended as it did, and what to do next; null for a clean success.</summary>
        public string? Message { get; set; }

        /// <summary>A stable id for a run that did not succeed (e.g. <c>SfLms.DeprovisionGuard</c>), for FullyQualifiedErrorId.</summary>
        public string? ErrorId { get; set; }

        /// <summary>Rows per planned action (of the rows this run covered).</summary>
        public IReadOnlyDictionary<PlanAction, int> Actions { get; set; } = new Dictionary<PlanAction, int>();

        /// <summary>Results per status.</summary>
        public IReadOnlyDictionary<ResultStatus, int> Statuses { get; set; } = new Dictionary<ResultStatus, int>();

        /// <summary>LMS write requests (creates, updates, deactivations, memberships, org changes).</summary>
        public long WriteCalls { get; set; }

        /// <summary>LMS requests retried (rate limits, 5xx, expired tokens).</summary>
        public long Retries { get; set; }

        /// <summary>Full (every user read) or Incremental (only users changed since the watermark, or whose groups changed).</summary>
        [JsonConverter(typeof(StringEnumConverter))]
        public ReadMode Mode { get; set; }

        /// <summary>Why the run was Full or Incremental.</summary>
        public string? ModeReason { get; set; }

        public int SalesforceUsersRead { get; set; }

        /// <summary>False when the Salesforce read stopped early (then nobody was deactivated as missing).</summary>
        public bool SalesforceReadComplete { get; set; }

        public override string ToString() => $"{RunId} {Status} {Mode} {Started:u} → {Ended:u}{(Message == null ? "" : ": " + Message)}";
    }
}
