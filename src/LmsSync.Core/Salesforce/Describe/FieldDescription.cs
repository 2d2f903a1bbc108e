using System.Collections.Generic;

namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>One field of an object's describe: the properties the sync uses.</summary>
    public sealed class FieldDescription
    {
        public FieldDescription(string name, string label, string type, IReadOnlyList<string> referenceTo, string? relationshipName,
            bool nillable, bool custom, int length, bool filterable)
        {
            Name = name;
            Label = label;
            Type = type;
            ReferenceTo = referenceTo;
            RelationshipName = relationshipName;
            Nillable = nillable;
            Custom = custom;
            Length = length;
            Filterable = filterable;
        }

        /// <summary>API name in its canonical casing (<c>Department</c>, <c>Termination_Date__c</c>).</summary>
        public string Name { get; }

        public string Label { get; }

        /// <summary>Salesforce type: <c>string</c>, <c>boolean</c>, <c>datetime</c>, <c>date</c>, <c>reference</c>, <c>picklist</c>, …</summary>
        public string Type { get; }

        /// <summary>For references: the objects pointed at (<c>["User"]</c> for ManagerId).</summary>
        public IReadOnlyList<string> ReferenceTo { get; }

        /// <summary>For references: the name used in dotted paths (<c>Manager</c> for ManagerId).</summary>
        public string? RelationshipName { get; }

        public bool Nillable { get; }

        public bool Custom { get; }

        public int Length { get; }

        public bool Filterable { get; }

        public override string ToString() => $"{Name} ({Type})";
    }
}
