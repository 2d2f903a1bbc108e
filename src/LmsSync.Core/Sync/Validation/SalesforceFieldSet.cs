using LmsSync.Core.Text;
using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync.Validation
{
    /// <summary>
    /// The Salesforce fields a profile may name, from describe. A dotted path (<c>Manager.Email</c>) is accepted
    /// when the set holds the path itself or its relationship name (<c>Manager</c>), since describe of one
    /// object does not list the fields of related objects.
    /// </summary>
    public sealed class SalesforceFieldSet
    {
        private readonly HashSet<string> _names;

        public SalesforceFieldSet(string objectName, IEnumerable<string> fieldNames)
        {
            ObjectName = objectName;
            _names = new HashSet<string>(fieldNames, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The sObject, e.g. <c>User</c>; named in messages.</summary>
        public string ObjectName { get; }

        public IEnumerable<string> Names => _names;

        public bool Contains(string path)
        {
            var trimmed = path.Trim();
            if (_names.Contains(trimmed)) return true;
            var dot = trimmed.IndexOf('.');
            return dot > 0 && _names.Contains(trimmed.Substring(0, dot));
        }

        /// <summary>Null when the field exists; otherwise the problem, with the closest names.</summary>
        public ValidationProblem? Check(string path, string subject)
        {
            if (string.IsNullOrWhiteSpace(path))
                return new ValidationProblem("BlankSalesforceField", subject, "A Salesforce field name is blank; name a field or remove the entry.");
            if (Contains(path)) return null;
            return new ValidationProblem("UnknownSalesforceField", subject,
                $"Salesforce field '{path.Trim()}' does not exist on {ObjectName}.{ClosestNames.DidYouMean(path, _names)}");
        }
    }
}
