using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Salesforce.Errors
{
    /// <summary>
    /// One or more field paths named by a mapping or rule do not exist on the source object (or are
    /// hidden from the integration user). Raised before anything runs; each problem lists the closest
    /// real names.
    /// </summary>
    public sealed class SalesforceFieldException : SalesforceException
    {
        public SalesforceFieldException(string objectName, IReadOnlyList<FieldProblem> problems)
            : base(Compose(objectName, problems))
        {
            ObjectName = objectName;
            Problems = problems;
        }

        public string ObjectName { get; }

        public IReadOnlyList<FieldProblem> Problems { get; }

        private static string Compose(string objectName, IReadOnlyList<FieldProblem> problems)
        {
            var lines = problems.Select(p => p.Message).ToList();
            lines.Add($"Fix the field names in the mapping or rules (names are the API names from Setup > Object Manager > {objectName} > Fields), or grant the integration user field-level access.");
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>One unknown field path and the nearest names that do exist.</summary>
    public sealed class FieldProblem
    {
        public FieldProblem(string path, string message, IReadOnlyList<string> closest)
        {
            Path = path;
            Message = message;
            Closest = closest;
        }

        public string Path { get; }

        public string Message { get; }

        public IReadOnlyList<string> Closest { get; }
    }
}
