using System;

namespace LmsSync.Core.Profiles
{
    /// <summary>The two mapping targets that are not LMS profile fields: the user's department and groups.</summary>
    public static class MappingTargets
    {
        public const string Department = "department";
        public const string Group = "group";

        public static bool IsDepartment(string? name) => string.Equals(name?.Trim(), Department, StringComparison.OrdinalIgnoreCase);

        /// <summary><c>group</c> or <c>groups</c>.</summary>
        public static bool IsGroup(string? name) =>
            string.Equals(name?.Trim(), Group, StringComparison.OrdinalIgnoreCase) || string.Equals(name?.Trim(), "groups", StringComparison.OrdinalIgnoreCase);
    }
}
