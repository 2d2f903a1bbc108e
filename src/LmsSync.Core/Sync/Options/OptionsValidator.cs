using System.Collections.Generic;
using LmsSync.Core.Sync.Validation;

namespace LmsSync.Core.Sync
{
    /// <summary>Checks options: the time zone resolves, the termination field is real, the limit is set.</summary>
    internal static class OptionsValidator
    {
        public static void Validate(SyncOptions options, LmsCapabilities capabilities, SalesforceFieldSet salesforce, List<ValidationProblem> problems)
        {
            if (!TimeZoneResolver.TryResolve(options.TimeZone, out _))
                problems.Add(new ValidationProblem("UnknownTimeZone", "options TimeZone",
                    $"Time zone '{options.TimeZone}' is not known on this machine; give an IANA id such as 'Europe/Berlin' or a Windows id such as 'W. Europe Standard Time'."));
            if (!string.IsNullOrWhiteSpace(options.TerminationDateField))
            {
                var problem = salesforce.Check(options.TerminationDateField!, "options TerminationDateField");
                if (problem != null) problems.Add(problem);
            }
            if (options.MaxDeprovision == null)
                problems.Add(new ValidationProblem("MissingLimit", "options MaxDeprovision", "MaxDeprovision is not set; give a count such as 25 or a percentage such as 10%."));
            if (options.SendWelcomeEmail && !capabilities.SupportsWelcomeEmail)
                problems.Add(new ValidationProblem("WelcomeEmailNotSupported", "options SendWelcomeEmail",
                    $"{capabilities.Kind} does not let the integration choose whether a welcome email is sent; the setting has no effect.",
                    ValidationSeverity.Warning));
        }
    }
}
