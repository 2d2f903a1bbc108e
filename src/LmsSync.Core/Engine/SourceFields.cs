using System;
using System.Collections.Generic;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Engine
{
    /// <summary>Every Salesforce field a configuration names (mapping, rules, termination date), so the read selects them all.</summary>
    internal static class SourceFields
    {
        public static IReadOnlyList<string> Of(SyncConfiguration configuration)
        {
            var fields = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            void Add(string? field)
            {
                if (!string.IsNullOrWhiteSpace(field) && seen.Add(field!.Trim())) fields.Add(field.Trim());
            }
            // The display name of previews and results.
            Add("Name");
            foreach (var field in configuration.Mapping.Fields) AddSources(field, Add);
            if (configuration.Mapping.Department != null) AddSources(configuration.Mapping.Department, Add);
            if (configuration.Mapping.Groups != null) AddSources(configuration.Mapping.Groups, Add);
            foreach (var rule in configuration.Rules)
                foreach (var condition in rule.Conditions) Add(condition.Field);
            Add(configuration.Options.TerminationDateField);
            return fields;
        }

        private static void AddSources(ValueMapping mapping, Action<string?> add)
        {
            foreach (var source in mapping.Sources) add(source);
        }
    }
}
