namespace LmsSync.Core.Sync.Validation
{
    /// <summary>One thing wrong with a profile, and what to do about it.</summary>
    public sealed class ValidationProblem
    {
        public ValidationProblem(string code, string subject, string message, ValidationSeverity severity = ValidationSeverity.Error)
        {
            Code = code;
            Subject = subject;
            Message = message;
            Severity = severity;
        }

        /// <summary>A stable code (<c>UnknownSalesforceField</c>, <c>MandatoryFieldNotMapped</c>…) scripts can test.</summary>
        public string Code { get; }

        /// <summary>What the problem is about: <c>mapping email</c>, <c>rule 'internal'</c>, <c>options</c>.</summary>
        public string Subject { get; }

        /// <summary>What is wrong and what to do, in one or two sentences.</summary>
        public string Message { get; }

        public ValidationSeverity Severity { get; }

        public override string ToString() => $"{Subject}: {Message}";
    }
}
