using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LmsSync.Core.Sync;
using LmsSync.Core.Views;

namespace LmsSync.PowerShell.Sync
{
    /// <summary>Get-SfLmsUser's filters: any of the values of each given filter, all given filters together.</summary>
    internal sealed class UserFilter
    {
        private readonly WildcardPattern[]? _emails;
        private readonly WildcardPattern[]? _names;
        private readonly WildcardPattern[]? _departments;
        private readonly HashSet<PlanAction>? _actions;

        public UserFilter(string[]? emails, string[]? names, string[]? departments, PlanAction[]? actions)
        {
            _emails = Patterns(emails);
            _names = Patterns(names);
            _departments = Patterns(departments);
            _actions = actions == null ? null : new HashSet<PlanAction>(actions);
        }

        public bool Matches(UserPreview user) =>
            (_actions == null || _actions.Contains(user.Action))
            && Matches(_emails, user.Email)
            && Matches(_names, user.Name)
            && Matches(_departments, user.Department);

        private static bool Matches(WildcardPattern[]? patterns, string? value) =>
            patterns == null || patterns.Any(p => p.IsMatch(value ?? ""));

        private static WildcardPattern[]? Patterns(string[]? values) =>
            values?.Select(v => new WildcardPattern(v, WildcardOptions.IgnoreCase)).ToArray();
    }
}
