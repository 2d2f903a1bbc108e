using System;
using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Rules;

namespace LmsSync.Core.Sync.Validation
{
    /// <summary>
    /// Checks a whole profile before any run — mapping, import rules, options — and reports every problem at
    /// once, each saying what to do.
    /// </summary>
    public static class ProfileValidator
    {
        public static ValidationResult Validate(
            SyncMapping mapping,
            LmsFieldCatalog catalog,
            LmsCapabilities capabilities,
            SalesforceFieldSet salesforceFields,
            IReadOnlyList<ImportRule>? rules = null,
            SyncOptions? options = null)
        {
            if (mapping == null) throw new ArgumentNullException(nameof(mapping));
            if (catalog == null) throw new ArgumentNullException(nameof(catalog));
            if (capabilities == null) throw new ArgumentNullException(nameof(capabilities));
            if (salesforceFields == null) throw new ArgumentNullException(nameof(salesforceFields));
            var problems = new List<ValidationProblem>();
            MappingValidator.Validate(mapping, catalog, capabilities, salesforceFields, problems);
            if (rules != null) RuleValidator.Validate(rules, salesforceFields, problems);
            if (options != null) OptionsValidator.Validate(options, capabilities, salesforceFields, problems);
            return new ValidationResult(problems);
        }

        /// <summary>Only the mapping (e.g. after Set-SfLmsMapping).</summary>
        public static ValidationResult ValidateMapping(SyncMapping mapping, LmsFieldCatalog catalog, LmsCapabilities capabilities, SalesforceFieldSet salesforceFields) =>
            Validate(mapping, catalog, capabilities, salesforceFields);
    }
}
