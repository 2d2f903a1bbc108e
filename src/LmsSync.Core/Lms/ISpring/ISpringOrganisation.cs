using System.Collections.Generic;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>A department of the tree; the root has no parent.</summary>
    public sealed class ISpringDepartment
    {
        public ISpringDepartment(string departmentId, string name, string? parentDepartmentId, string? code)
        {
            DepartmentId = departmentId;
            Name = name;
            ParentDepartmentId = parentDepartmentId;
            Code = code;
        }

        public string DepartmentId { get; }
        public string Name { get; }
        public string? ParentDepartmentId { get; }
        public string? Code { get; }
        public bool IsRoot => string.IsNullOrEmpty(ParentDepartmentId);

        public override string ToString() => $"{Name} ({DepartmentId})";
    }

    /// <summary>A group as listed. Smart groups fill themselves by rules: the client never writes their members.</summary>
    public sealed class ISpringGroup
    {
        public ISpringGroup(string groupId, string name, bool isSmart)
        {
            GroupId = groupId;
            Name = name;
            IsSmart = isSmart;
        }

        public string GroupId { get; }
        public string Name { get; }
        public bool IsSmart { get; }

        public override string ToString() => $"{Name} ({GroupId})";
    }

    /// <summary><c>GET /group/{id}</c>: the group and its member ids.</summary>
    public sealed class ISpringGroupDetails
    {
        public ISpringGroupDetails(ISpringGroup group, IReadOnlyList<string> userIds)
        {
            Group = group;
            UserIds = userIds;
        }

        public ISpringGroup Group { get; }
        public IReadOnlyList<string> UserIds { get; }
    }

    /// <summary>One field of the account's profile-field catalogue (<c>GET /user/profile/fields</c>).</summary>
    public sealed class ISpringProfileField
    {
        public ISpringProfileField(string name, string label, string type, bool isUnique, bool isRequired)
        {
            Name = name;
            Label = label;
            Type = type;
            IsUnique = isUnique;
            IsRequired = isRequired;
        }

        /// <summary>The name to use in <c>fields</c> (<c>first_name</c>, <c>USER_DEFINED_FIELD1</c>).</summary>
        public string Name { get; }
        public string Label { get; }
        public string Type { get; }
        public bool IsUnique { get; }
        public bool IsRequired { get; }

        public override string ToString() => $"{Label} ({Name})";
    }
}
