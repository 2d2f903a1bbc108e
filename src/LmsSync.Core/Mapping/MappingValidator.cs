using LmsSync.Core.Text;
using System;
using System.Collections.Generic;
using System.Globalization;
using LmsSync.Core.Lms;
using LmsSync.Core.Sync;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// Checks a mapping against the LMS's field catalogue and capabilities and against the real Salesforce
    /// fields: every mandatory LMS field mapped, every LMS field known, every Salesforce field real.
    /// </summary>
    internal static class MappingValidator
    {
        public static void Validate(SyncMapping mapping, LmsFieldCatalog catalog, LmsCapabilities capabilities,
            SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            var lms = catalog.Kind.ToString();
            var mapped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in mapping.Fields)
            {
                if (string.IsNullOrWhiteSpace(field.LmsField))
                {
                    problems.Add(new ValidationProblem("BlankLmsField", "mapping", "A field mapping has no LMS field name; name one or remove it."));
                    continue;
                }
                var subject = $"mapping {field.LmsField.Trim()}";
                var name = field.LmsField.Trim();
                if (catalog.TryResolve(name, out var definition)) name = definition.Name;
                else
                    problems.Add(new ValidationProblem("UnknownLmsField", subject,
                        $"LMS field '{field.LmsField.Trim()}' is not a field of {lms}.{ClosestNames.DidYouMean(field.LmsField, catalog.KnownNames)} " +
                        "If it is a custom field, add it to the field catalogue first."));
                if (!mapped.Add(name))
                    problems.Add(new ValidationProblem("DuplicateLmsField", subject, $"LMS field '{name}' is mapped more than once; keep one mapping."));
                CheckValue(field, subject, salesforce, problems);
            }

            foreach (var definition in catalog.Fields)
                if (definition.Mandatory && !mapped.Contains(definition.Name) && !IsSalesforceIdField(definition.Name, capabilities))
                    problems.Add(new ValidationProblem("MandatoryFieldNotMapped", $"mapping {definition.Name}",
                        $"{lms} needs '{definition.Name}' on every user; map it: Set-SfLmsMapping -LmsField {definition.Name} -Primary <Salesforce field>."));

            CheckDepartment(mapping.Department, catalog, capabilities, salesforce, problems);
            CheckGroups(mapping.Groups, catalog, capabilities, salesforce, problems);
        }

        private static void CheckDepartment(DepartmentMapping? department, LmsFieldCatalog catalog, LmsCapabilities capabilities,
            SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            var lms = catalog.Kind.ToString();
            if (department == null)
            {
                if (catalog.DepartmentMandatory || capabilities.RequiresDepartment)
                    problems.Add(new ValidationProblem("MandatoryFieldNotMapped", "mapping department",
                        $"{lms} puts every user in exactly one department; map it: Set-SfLmsMapping -Department -Primary <Salesforce field>."));
                return;
            }
            if (!capabilities.SupportsDepartments)
                problems.Add(new ValidationProblem("DepartmentsNotSupported", "mapping department",
                    $"{lms} has no departments; remove the department mapping and map the department name to a field or to groups instead."));
            CheckValue(department, "mapping department", salesforce, problems);
        }

        private static void CheckGroups(GroupMapping? groups, LmsFieldCatalog catalog, LmsCapabilities capabilities,
            SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            var lms = catalog.Kind.ToString();
            if (groups == null)
            {
                if (catalog.GroupsMandatory)
                    problems.Add(new ValidationProblem("MandatoryFieldNotMapped", "mapping groups",
                        $"{lms} needs a group mapping; map it: Set-SfLmsMapping -Groups -Primary <Salesforce field> (or include public groups)."));
                return;
            }
            if (!capabilities.SupportsGroups)
                problems.Add(new ValidationProblem("GroupsNotSupported", "mapping groups", $"{lms} has no groups; remove the group mapping."));
            if (groups.Sources.Count == 0 && !groups.IncludePublicGroups && string.IsNullOrWhiteSpace(groups.Default))
                problems.Add(new ValidationProblem("EmptyMapping", "mapping groups",
                    "The group mapping names no Salesforce field, does not include public groups and has no default; give at least one."));
            foreach (var source in groups.Sources)
                Add(problems, salesforce.Check(source, "mapping groups"));
        }

        private static void CheckValue(ValueMapping value, string subject, SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            if (value.Sources.Count == 0 && string.IsNullOrWhiteSpace(value.Default))
                problems.Add(new ValidationProblem("EmptyMapping", subject, "No Salesforce field and no default; give -Primary or -Default."));
            foreach (var source in value.Sources)
                Add(problems, salesforce.Check(source, subject));
            if (value.DateFormat != null && !IsDateFormat(value.DateFormat))
                problems.Add(new ValidationProblem("InvalidDateFormat", subject,
                    $"'{value.DateFormat}' is not a .NET date format; use one such as 'yyyy-MM-dd' or 'dd.MM.yyyy'."));
        }

        private static bool IsDateFormat(string format)
        {
            try
            {
                new DateTime(2001, 2, 3, 4, 5, 6).ToString(format, CultureInfo.InvariantCulture);
                return !string.IsNullOrWhiteSpace(format);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private static bool IsSalesforceIdField(string name, LmsCapabilities capabilities) =>
            string.Equals(name, capabilities.SalesforceIdField, StringComparison.OrdinalIgnoreCase);

        private static void Add(List<ValidationProblem> problems, ValidationProblem? problem)
        {
            if (problem != null) problems.Add(problem);
        }
    }
}
