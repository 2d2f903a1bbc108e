using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Views
{
    /// <summary>
    /// Everything about one user's sync, for Get-SfLmsPayload: the Salesforce record, each LMS value and where it
    /// came from, the import rules' verdicts, the match, the planned action, and the exact requests that would be
    /// sent. Built from a preview, so nothing was written to produce it.
    /// </summary>
    public sealed class UserPayload
    {
        private static readonly IReadOnlyDictionary<string, object?> NoRecord = new Dictionary<string, object?>();

        private UserPayload(PlanRow row, SalesforceRecord? record, IReadOnlyList<PayloadPreview> requests, SyncMapping mapping)
        {
            Row = row;
            SalesforceId = row.SalesforceId;
            Name = row.DisplayName ?? row.Desired?.DisplayName ?? row.SalesforceId;
            Email = row.Email ?? row.Desired?.Email;
            Action = row.Action;
            Reason = row.Reason;
            LmsId = row.LmsId;
            MatchedBy = row.MatchedBy;
            Match = DescribeMatch(row);
            SalesforceRecord = record?.Fields ?? row.Desired?.Source.Record.Fields ?? NoRecord;
            Values = ValuesOf(row.Desired, mapping);
            Rules = row.Verdict == null ? new RuleResult[0] : row.Verdict.Rules.Select(RuleResult.From).ToList();
            RuleDecision = row.Verdict == null ? null : row.Verdict.Reason;
            Changes = row.Changes;
            Requests = requests;
            Body = requests.Count == 0 ? null : string.Join(Environment.NewLine + Environment.NewLine, requests.Select(r => r.ToString()));
        }

        public static UserPayload From(PlanRow row, SalesforceRecord? record, IReadOnlyList<PayloadPreview> requests, SyncMapping mapping)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            return new UserPayload(row, record, requests ?? new PayloadPreview[0], mapping ?? new SyncMapping());
        }

        public string? SalesforceId { get; }
        public string? Name { get; }
        public string? Email { get; }
        public PlanAction Action { get; }
        public string? Reason { get; }
        public string? LmsId { get; }
        public MatchMethod MatchedBy { get; }

        /// <summary>How the LMS user was found, in a sentence.</summary>
        public string Match { get; }

        /// <summary>The Salesforce record's fields as read (empty for a linked user no longer in Salesforce).</summary>
        public IReadOnlyDictionary<string, object?> SalesforceRecord { get; }

        /// <summary>Each mapped LMS field (then the department and groups) with its value and where it came from.</summary>
        public IReadOnlyList<PayloadValue> Values { get; }

        /// <summary>Each import rule consulted, in order, with its conditions' outcomes.</summary>
        public IReadOnlyList<RuleResult> Rules { get; }

        /// <summary>What the import rules decided, and why (null for users no longer in Salesforce).</summary>
        public string? RuleDecision { get; }

        public IReadOnlyList<FieldChange> Changes { get; }

        /// <summary>The requests applying this user would send, exactly; empty when nothing would be written.</summary>
        public IReadOnlyList<PayloadPreview> Requests { get; }

        /// <summary>The requests as text (method, path, body), or null when nothing would be sent.</summary>
        public string? Body { get; }

        public PlanRow Row { get; }

        public override string ToString() => $"{Action} {Name}: {Requests.Count} request(s)";

        private static IReadOnlyList<PayloadValue> ValuesOf(DesiredUser? desired, SyncMapping mapping)
        {
            var values = new List<PayloadValue>();
            if (desired == null) return values;
            foreach (var field in desired.Fields) values.Add(PayloadValue.From(field.Key, field.Value, mapping.Find(field.Key)));
            if (desired.Department != null) values.Add(PayloadValue.From("department", desired.Department, mapping.Department));
            if (desired.Groups != null)
                foreach (var group in desired.Groups) values.Add(PayloadValue.From("group", group, mapping.Groups));
            return values;
        }

        private static string DescribeMatch(PlanRow row)
        {
            if (row.Action == PlanAction.Disputed)
                return "Disputed: " + (row.DisputedCandidates.Count == 0 ? row.Reason : string.Join(", ", row.DisputedCandidates));
            if (row.MatchedBy == MatchMethod.None)
                return row.LmsId == null ? "No LMS user matched" + (row.Action == PlanAction.Create ? ": a new one is created" : "") : $"LMS user {row.LmsId}";
            return $"LMS user {row.LmsId} by {Describe(row.MatchedBy)}{(row.CreatesLink ? " (linked by this run)" : "")}";
        }

        private static string Describe(MatchMethod method) => method switch
        {
            MatchMethod.Link => "the stored link",
            MatchMethod.SalesforceIdField => "the Salesforce Id kept in the LMS",
            MatchMethod.Email => "email",
            MatchMethod.Login => "login",
            _ => method.ToString(),
        };
    }

    /// <summary>How one import rule came out for the user.</summary>
    public sealed class RuleResult
    {
        private RuleResult(string rule, RuleAction action, bool matched, IReadOnlyList<string> conditions)
        {
            Rule = rule;
            Action = action;
            Matched = matched;
            Conditions = conditions;
        }

        public string Rule { get; }
        public RuleAction Action { get; }
        public bool Matched { get; }

        /// <summary>Each condition with the value compared and its result.</summary>
        public IReadOnlyList<string> Conditions { get; }

        public static RuleResult From(RuleOutcome outcome) =>
            new RuleResult(outcome.RuleName, outcome.Rule.Action, outcome.Matched, outcome.Conditions.Select(c => c.ToString()).ToList());

        public override string ToString() => $"{Rule} ({Action}): {(Matched ? "matched" : "not matched")}";
    }
}
