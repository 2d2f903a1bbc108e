using System.Management.Automation;
using LmsSync.Core.Mapping;
using LmsSync.Core.Profiles;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Set-SfLmsMapping: where one LMS field (or <c>department</c> / <c>group</c>) takes its value from — the
    /// first non-blank of -Primary and -Secondary, else -Default. Validated before it is applied; saved to a saved profile.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SfLmsMapping", SupportsShouldProcess = true)]
    [OutputType(typeof(MappingRow))]
    public sealed class SetSfLmsMappingCommand : SfLmsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LmsFieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string LmsField { get; set; } = "";

        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(SalesforceFieldCompleter))]
        public string? Primary { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SalesforceFieldCompleter))]
        [AllowEmptyCollection]
        public string[]? Secondary { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? Default { get; set; }

        [Parameter]
        public ApplyOn ApplyOn { get; set; }

        [Parameter]
        [AllowEmptyCollection]
        public FieldTransform[]? Transform { get; set; }

        [Parameter]
        [AllowEmptyString]
        public string? DateFormat { get; set; }

        [Parameter]
        public SwitchParameter ClearWhenBlank { get; set; }

        /// <summary>Group mapping: also the user's Salesforce public groups.</summary>
        [Parameter]
        public SwitchParameter IncludePublicGroups { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Separator { get; set; }

        [Parameter]
        public GroupCombine Combine { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var change = new MappingChange
            {
                LmsField = LmsField,
                Primary = Primary,
                Secondary = Secondary,
                Default = Default,
                ApplyOn = Bound(nameof(ApplyOn)) ? ApplyOn : (ApplyOn?)null,
                Transforms = Transform,
                DateFormat = DateFormat,
                ClearWhenBlank = Bound(nameof(ClearWhenBlank)) ? ClearWhenBlank.IsPresent : (bool?)null,
                IncludePublicGroups = Bound(nameof(IncludePublicGroups)) ? IncludePublicGroups.IsPresent : (bool?)null,
                Separator = Separator,
                Combine = Bound(nameof(Combine)) ? Combine : (GroupCombine?)null,
            };
            if (!ShouldProcess($"mapping of '{LmsField}'", "Set")) return;
            var row = RunConnected((queue, token) => ConfigurationEditor.EditAsync(RequireCurrent(), ConfigurationPart.Mapping, configuration =>
            {
                change.ApplyTo(configuration.Mapping);
                return MappingRow.Of(configuration.Mapping, LmsField);
            }, queue, token), LmsField);
            if (PassThru.IsPresent) WriteObject(row);
        }

        private bool Bound(string name) => MyInvocation.BoundParameters.ContainsKey(name);
    }
}
