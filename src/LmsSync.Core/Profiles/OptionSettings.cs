using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Engine;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// Every option of a profile in one flat object — <see cref="SyncOptions"/>, the source (object, WHERE) and
    /// the scope — as Get-SfLmsOption shows it; as a change (Set-SfLmsOption), null members stay as they are.
    /// </summary>
    public sealed class OptionSettings
    {
        public bool? Enabled { get; set; }
        public string? TerminationDateField { get; set; }
        public TerminationDateAction? TerminationDateAction { get; set; }
        public string? TimeZone { get; set; }
        public bool? SendWelcomeEmail { get; set; }
        public bool? RemoveFromStaleGroups { get; set; }
        public bool? DeactivateMissingUsers { get; set; }
        public bool? DeactivateOutOfScope { get; set; }
        public bool? ReactivateReturningUsers { get; set; }
        public bool? DeleteEmptyDepartments { get; set; }
        public DeprovisionLimit? MaxDeprovision { get; set; }
        public string? NewDepartmentParentId { get; set; }

        /// <summary>How often a run reads every user (a full reconcile); zero makes every run full.</summary>
        public TimeSpan? FullReconcileEvery { get; set; }

        /// <summary>How far before the SystemModstamp watermark an incremental read starts.</summary>
        public TimeSpan? IncrementalOverlap { get; set; }

        /// <summary>Records from which a full read uses Bulk API 2.0 instead of REST; 0 never uses Bulk.</summary>
        public int? BulkQueryThreshold { get; set; }
        public string? SourceObject { get; set; }
        public string? Where { get; set; }
        public bool? StandardUsersOnly { get; set; }
        public IReadOnlyList<string>? IncludedDepartments { get; set; }
        public IReadOnlyList<string>? IncludedGroups { get; set; }

        public static OptionSettings From(SyncConfiguration configuration)
        {
            var o = configuration.Options;
            return new OptionSettings
            {
                Enabled = o.Enabled,
                TerminationDateField = o.TerminationDateField,
                TerminationDateAction = o.TerminationDateAction,
                TimeZone = o.TimeZone,
                SendWelcomeEmail = o.SendWelcomeEmail,
                RemoveFromStaleGroups = o.RemoveFromStaleGroups,
                DeactivateMissingUsers = o.DeactivateMissingUsers,
                DeactivateOutOfScope = o.DeactivateOutOfScope,
                ReactivateReturningUsers = o.ReactivateReturningUsers,
                DeleteEmptyDepartments = o.DeleteEmptyDepartments,
                MaxDeprovision = o.MaxDeprovision,
                NewDepartmentParentId = o.NewDepartmentParentId,
                FullReconcileEvery = o.FullReconcileEvery,
                IncrementalOverlap = o.IncrementalOverlap,
                BulkQueryThreshold = o.BulkQueryThreshold,
                SourceObject = configuration.Source.ObjectName,
                Where = configuration.Source.Where,
                StandardUsersOnly = configuration.Source.StandardUsersOnly,
                IncludedDepartments = configuration.Scope?.IncludedDepartments.ToList() ?? new List<string>(),
                IncludedGroups = configuration.Scope?.IncludedGroups.ToList() ?? new List<string>(),
            };
        }

        /// <summary>Writes the members that are set into <paramref name="configuration"/>. An empty text clears an optional setting.</summary>
        public void ApplyTo(SyncConfiguration configuration)
        {
            var o = configuration.Options;
            if (Enabled.HasValue) o.Enabled = Enabled.Value;
            if (TerminationDateField != null) o.TerminationDateField = Blank(TerminationDateField);
            if (TerminationDateAction.HasValue) o.TerminationDateAction = TerminationDateAction.Value;
            if (TimeZone != null) o.TimeZone = TimeZone.Trim();
            if (SendWelcomeEmail.HasValue) o.SendWelcomeEmail = SendWelcomeEmail.Value;
            if (RemoveFromStaleGroups.HasValue) o.RemoveFromStaleGroups = RemoveFromStaleGroups.Value;
            if (DeactivateMissingUsers.HasValue) o.DeactivateMissingUsers = DeactivateMissingUsers.Value;
            if (DeactivateOutOfScope.HasValue) o.DeactivateOutOfScope = DeactivateOutOfScope.Value;
            if (ReactivateReturningUsers.HasValue) o.ReactivateReturningUsers = ReactivateReturningUsers.Value;
            if (DeleteEmptyDepartments.HasValue) o.DeleteEmptyDepartments = DeleteEmptyDepartments.Value;
            if (MaxDeprovision != null) o.MaxDeprovision = MaxDeprovision;
            if (NewDepartmentParentId != null) o.NewDepartmentParentId = Blank(NewDepartmentParentId);
            if (FullReconcileEvery is TimeSpan every)
                o.FullReconcileEvery = every >= TimeSpan.Zero ? every : throw new ArgumentException("FullReconcileEvery cannot be negative; 0 makes every run full.");
            if (IncrementalOverlap is TimeSpan overlap)
                o.IncrementalOverlap = overlap >= TimeSpan.Zero ? overlap : throw new ArgumentException("IncrementalOverlap cannot be negative.");
            if (BulkQueryThreshold is int threshold)
                o.BulkQueryThreshold = threshold >= 0 ? threshold : throw new ArgumentException("BulkQueryThreshold cannot be negative; 0 never uses Bulk API 2.0.");
            if (SourceObject != null) configuration.Source.ObjectName = SourceObjectName(SourceObject);
            if (Where != null) configuration.Source.Where = Blank(Where);
            if (StandardUsersOnly.HasValue) configuration.Source.StandardUsersOnly = StandardUsersOnly.Value;
            if (IncludedDepartments != null) Scope(configuration).IncludedDepartments = Clean(IncludedDepartments);
            if (IncludedGroups != null) Scope(configuration).IncludedGroups = Clean(IncludedGroups);
        }

        private static string SourceObjectName(string name)
        {
            if (name.Trim().Equals("User", StringComparison.OrdinalIgnoreCase)) return "User";
            if (name.Trim().Equals("Contact", StringComparison.OrdinalIgnoreCase)) return "Contact";
            throw new ArgumentException($"The source object '{name}' is not supported; use User or Contact.");
        }

        private static ImportScope Scope(SyncConfiguration configuration) => configuration.Scope ?? (configuration.Scope = new ImportScope());

        private static List<string> Clean(IEnumerable<string> names) =>
            names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
