using LmsSync.Core.Text;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
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
            var distinct = paths.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            AskForParents(root, distinct, describe, cancellationToken);
            var resolved = new List<ResolvedField>();
            var problems = new List<FieldProblem>();
            foreach (var requested in distinct)
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

        /// <summary>
        /// Starts the describes of the parents the paths reach first (<c>Profile</c>, <c>UserRole</c>) all at once: they do
        /// not depend on each other, and one after another they cost a round trip each before the query can start. The
        /// resolution then finds them in the describe cache; a failed one is asked for again there and reported as before.
        /// </summary>
        private static void AskForParents(SObjectDescription root, IEnumerable<string> paths, Func<string, CancellationToken, Task<SObjectDescription>> describe,
            CancellationToken cancellationToken)
        {
            var parents = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.Name };
            foreach (var path in paths)
            {
                var dot = path.IndexOf('.');
                var relationship = dot > 0 ? root.Relationship(path.Substring(0, dot).Trim()) : null;
                if (relationship != null && parents.Add(relationship.ReferenceTo[0]))
                    _ = describe(relationship.ReferenceTo[0], cancellationToken).ObserveFaults();
            }
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
