using System.Collections.Generic;
using System.Text;

namespace LmsSync.Core.Sync.Validation
{
    /// <summary>Every problem found, all at once, so that one edit-and-retry fixes them all.</summary>
    public sealed class ValidationResult
    {
        public ValidationResult(IReadOnlyList<ValidationProblem> problems)
        {
            Problems = problems;
            var errors = new List<ValidationProblem>();
            var warnings = new List<ValidationProblem>();
            foreach (var problem in problems)
                (problem.Severity == ValidationSeverity.Error ? errors : warnings).Add(problem);
            Errors = errors;
            Warnings = warnings;
        }

        public IReadOnlyList<ValidationProblem> Problems { get; }
        public IReadOnlyList<ValidationProblem> Errors { get; }
        public IReadOnlyList<ValidationProblem> Warnings { get; }

        /// <summary>No errors (warnings allowed).</summary>
        public bool IsValid => Errors.Count == 0;

        /// <summary>A message listing every error, one a line, for a terminating error.</summary>
        public string Describe()
        {
            if (IsValid) return "The profile is valid.";
            var text = new StringBuilder();
            text.Append("The profile has ").Append(Errors.Count).Append(Errors.Count == 1 ? " problem:" : " problems:");
            foreach (var error in Errors) text.AppendLine().Append(" - ").Append(error);
            return text.ToString();
        }

        public override string ToString() => Describe();
    }
}
