using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>
    /// Checks field paths against describe before anything runs: each segment but the last must be a
    /// relationship (resolved through its referenceTo, describing the parent object), the last a field.
    /// All problems are reported together, each with the closest real names.
    /// </summary>
    internal static class FieldPathResolver
    {
        public static async Task<IReadOnlyList<ResolvedField>> ResolveAsync(
            string objectName, IEnumerable<string> paths, Func<string, CancellationToken, Task<SObjectDescription>> describe, CancellationToken cancellationToken)
        {
            var root = await describe(objectName, cancellationToken).ConfigureAwait(false);
            var resolved = new List<ResolvedField>();
            var problems = new List<FieldProblem>();
            foreach (var requested in paths.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var segments = requested.Trim().Split('.');
                var current = root;
                var canonical = new List<string>();
                FieldProblem? problem = null;
                for (var i = 0; i < segments.Length - 1 && problem == null; i++)
                {
                    var relationship = current.Relationship(segments[i]);
                    if (relationship == null)
                    {
                        problem = Unknown(requested, "relationship", segments[i], current, canonical, current.RelationshipNames);
                        break;
                    }
                    canonical.Add(relationship.RelationshipName!);
                    current = await describe(relationship.ReferenceTo[0], cancellationToken).ConfigureAwait(false);
                }
                if (problem == null)
                {
                    var last = segments[segments.Length - 1];
                    var field = current.Field(last);
                    if (field == null)
                    {
                        problem = Unknown(requested, "field", last, current, canonical, current.Fields.Select(f => f.Name));
                    }
                    else
                    {
                        canonical.Add(field.Name);
                        resolved.Add(new ResolvedField(requested, string.Join(".", canonical), current.Name, field));
                    }
                }
                if (problem != null) problems.Add(problem);
            }
            if (problems.Count > 0) throw new SalesforceFieldException(root.Name, problems);
            return resolved;
        }

        private static FieldProblem Unknown(string requested, string kind, string segment, SObjectDescription on, List<string> via, IEnumerable<string> candidates)
        {
            var closest = ClosestNames.Find(segment, candidates);
            var where = via.Count == 0 ? on.Name : $"{on.Name} (via {string.Join(".", via)})";
            var message = $"No {kind} '{segment}' on {where}";
            if (requested.Contains(".")) message += $" in '{requested}'";
            message += closest.Count > 0 ? $". Closest: {string.Join(", ", closest)}?" : ".";
            if (kind == "relationship" && segment.EndsWith("Id", StringComparison.OrdinalIgnoreCase))
                message += $" (a parent's fields are reached through its relationship name, e.g. {segment.Substring(0, segment.Length - 2)}.Email, not {segment}.Email)";
            return new FieldProblem(requested, message, closest);
        }
    }
}
