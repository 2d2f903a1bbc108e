using System;
using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.Core.Sync;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-SfLmsOption: the sync's switches (deactivation, welcome email, termination date, limits…), the source
    /// (User or Contact, an extra WHERE condition) and the scope (departments, groups). Only the parameters given
    /// change; a switch is turned off with -Name:$false; an empty text clears an optional setting.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SfLmsOption", SupportsShouldProcess = true)]
    [OutputType(typeof(OptionSettings))]
    public sealed class SetSfLmsOptionCommand : SfLmsConnectedCmdlet
    {
        [Parameter] public SwitchParameter Enabled { get; set; }
        [Parameter, ArgumentCompleter(typeof(SalesforceFieldCompleter)), AllowEmptyString] public string? TerminationDateField { get; set; }
        [Parameter] public TerminationDateAction TerminationDateAction { get; set; }
        [Parameter, ArgumentCompleter(typeof(TimeZoneCompleter)), ValidateNotNullOrEmpty] public string? TimeZone { get; set; }
        [Parameter] public SwitchParameter SendWelcomeEmail { get; set; }
        [Parameter] public SwitchParameter RemoveFromStaleGroups { get; set; }
        [Parameter] public SwitchParameter DeactivateMissingUsers { get; set; }
        [Parameter] public SwitchParameter DeactivateOutOfScope { get; set; }
        [Parameter] public SwitchParameter ReactivateReturningUsers { get; set; }
        [Parameter] public SwitchParameter DeleteEmptyDepartments { get; set; }

        /// <summary>A count (25) or a percentage of managed users (10%).</summary>
        [Parameter, ValidateNotNullOrEmpty] public string? MaxDeprovision { get; set; }
        [Parameter, AllowEmptyString] public string? NewDepartmentParentId { get; set; }
        /// <summary>How often a run reads every Salesforce user (a full reconcile); 0 makes every run full.</summary>
        [Parameter] public TimeSpan FullReconcileEvery { get; set; }

        /// <summary>How far before the SystemModstamp watermark an incremental read starts.</summary>
        [Parameter] public TimeSpan IncrementalOverlap { get; set; }

        /// <summary>Records from which a full read uses Bulk API 2.0; 0 never uses it.</summary>
        [Parameter, ValidateRange(0, int.MaxValue)] public int BulkQueryThreshold { get; set; }
        [Parameter, ValidateSet("User", "Contact", IgnoreCase = true)] public string? SourceObject { get; set; }
        [Parameter, AllowEmptyString] public string? Where { get; set; }
        [Parameter] public SwitchParameter StandardUsersOnly { get; set; }
        [Parameter, AllowEmptyCollection] public string[]? IncludedDepartments { get; set; }
        [Parameter, AllowEmptyCollection] public string[]? IncludedGroups { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            DeprovisionLimit? limit = null;
            if (MaxDeprovision != null && !DeprovisionLimit.TryParse(MaxDeprovision, out limit))
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, $"-MaxDeprovision '{MaxDeprovision}' is neither a count (25) nor a percentage (10%).", MaxDeprovision);
            var change = new OptionSettings
            {
                Enabled = Switch(nameof(Enabled), Enabled),
                TerminationDateField = TerminationDateField,
                TerminationDateAction = Bound(nameof(TerminationDateAction)) ? TerminationDateAction : (TerminationDateAction?)null,
                TimeZone = TimeZone,
                SendWelcomeEmail = Switch(nameof(SendWelcomeEmail), SendWelcomeEmail),
                RemoveFromStaleGroups = Switch(nameof(RemoveFromStaleGroups), RemoveFromStaleGroups),
                DeactivateMissingUsers = Switch(nameof(DeactivateMissingUsers), DeactivateMissingUsers),
                DeactivateOutOfScope = Switch(nameof(DeactivateOutOfScope), DeactivateOutOfScope),
                ReactivateReturningUsers = Switch(nameof(ReactivateReturningUsers), ReactivateReturningUsers),
                DeleteEmptyDepartments = Switch(nameof(DeleteEmptyDepartments), DeleteEmptyDepartments),
                MaxDeprovision = limit,
                NewDepartmentParentId = NewDepartmentParentId,
                FullReconcileEvery = Bound(nameof(FullReconcileEvery)) ? FullReconcileEvery : (TimeSpan?)null,
                IncrementalOverlap = Bound(nameof(IncrementalOverlap)) ? IncrementalOverlap : (TimeSpan?)null,
                BulkQueryThreshold = Bound(nameof(BulkQueryThreshold)) ? BulkQueryThreshold : (int?)null,
                SourceObject = SourceObject,
                Where = Where,
                StandardUsersOnly = Switch(nameof(StandardUsersOnly), StandardUsersOnly),
                IncludedDepartments = IncludedDepartments,
                IncludedGroups = IncludedGroups,
            };
            if (!ShouldProcess("sync options", "Set")) return;
            var result = RunConnected((queue, token) => ConfigurationEditor.EditAsync(RequireCurrent(), ConfigurationPart.Options, configuration =>
            {
                change.ApplyTo(configuration);
                return OptionSettings.From(configuration);
            }, queue, token));
            if (PassThru.IsPresent) WriteObject(result);
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);

        private bool? Switch(string name, SwitchParameter value) => Bound(name) ? value.IsPresent : (bool?)null;
    }
}
