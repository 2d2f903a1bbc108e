using System.Collections;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Profiles;
using LmsSync.Core.Rules;
using LmsSync.PowerShell.Completion;
using LmsSync.PowerShell.Infrastructure;

namespace LmsSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Add-SfLmsImportRule: a named rule whose conditions, when they hold, Skip (default) or Import a Salesforce
    /// user. Rules are consulted in order; the first that matches decides. Validated before it is added.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SfLmsImportRule", SupportsShouldProcess = true, DefaultParameterSetName = SingleSet)]
    [OutputType(typeof(ImportRule))]
    public sealed class AddSfLmsImportRuleCommand : SfLmsConnectedCmdlet
    {
        public const string SingleSet = "Condition";
        public const string SeveralSet = "Conditions";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = SingleSet)]
        [ArgumentCompleter(typeof(SalesforceFieldCompleter))]
        [ValidateNotNullOrEmpty]
        public string Field { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = SingleSet)]
        public RuleOperator Operator { get; set; }

        /// <summary>The value to compare with; several for In and NotIn; none for IsEmpty and IsNotEmpty.</summary>
        [Parameter(ParameterSetName = SingleSet)]
        [AllowEmptyCollection]
        public string[]? Value { get; set; }

        /// <summary>Several conditions: hashtables @{ Field = ...; Operator = ...; Value = ... }.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SeveralSet)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] Condition { get; set; } = new Hashtable[0];

        /// <summary>All conditions must hold (All, default) or at least one (Any). Alias -Join, the profile file's name.</summary>
        [Parameter]
        [Alias("Join")]
        public ConditionJoin Match { get; set; } = ConditionJoin.All;

        [Parameter]
        public RuleAction Action { get; set; } = RuleAction.Skip;

        [Parameter]
        public SwitchParameter CaseSensitive { get; set; }

        /// <summary>Where the rule goes in the order (0 = first); default last.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Position { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"import rule '{Name}'", "Add")) return;
            var rule = RunConnected((queue, token) => ConfigurationEditor.EditAsync(RequireCurrent(), ConfigurationPart.Rules, configuration =>
            {
                var added = new ImportRule { Name = Name.Trim(), Action = Action, Join = Match, CaseSensitive = CaseSensitive.IsPresent };
                added.Conditions = ParameterSetName == SeveralSet
                    ? Condition.Select(c => RuleBuilder.Condition(c)).ToList()
                    : new[] { RuleBuilder.Condition(Field, Operator, Value) }.ToList();
                RuleBuilder.Insert(configuration.Rules, added, Position);
                return added;
            }, queue, token), Name);
            if (PassThru.IsPresent) WriteObject(rule);
        }
    }
}
