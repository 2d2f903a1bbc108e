using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>An object's describe (<c>/sobjects/{name}/describe</c>) as the integration user sees it: hidden fields are absent.</summary>
    public sealed class SObjectDescription
    {
        private readonly Dictionary<string, FieldDescription> _byName;
        private readonly Dictionary<string, FieldDescription> _byRelationship;

        public SObjectDescription(string name, string label, string? keyPrefix, IReadOnlyList<FieldDescription> fields)
        {
            Name = name;
            Label = label;
            KeyPrefix = keyPrefix;
            Fields = fields;
            _byName = new Dictionary<string, FieldDescription>(StringComparer.OrdinalIgnoreCase);
            _byRelationship = new Dictionary<string, FieldDescription>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in fields)
            {
                _byName[field.Name] = field;
                if (!string.IsNullOrEmpty(field.RelationshipName) && field.ReferenceTo.Count > 0) _byRelationship[field.RelationshipName!] = field;
            }
        }

        public string Name { get; }

        public string Label { get; }

        /// <summary>Id prefix (<c>005</c> for User).</summary>
        public string? KeyPrefix { get; }

        public IReadOnlyList<FieldDescription> Fields { get; }

        /// <summary>The field with this API name (case-insensitive), or null.</summary>
        public FieldDescription? Field(string name) => _byName.TryGetValue(name, out var field) ? field : null;

        /// <summary>The reference field whose relationship name this is (<c>Manager</c> → ManagerId), or null.</summary>
        public FieldDescription? Relationship(string relationshipName) =>
            _byRelationship.TryGetValue(relationshipName, out var field) ? field : null;

        public IEnumerable<string> RelationshipNames => _byRelationship.Values.Select(f => f.RelationshipName!);

        public override string ToString() => $"{Name} ({Fields.Count} fields)";
    }
}
