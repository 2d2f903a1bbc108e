namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// The user's department, by name, mapped like any field (first non-blank source, then default).
    /// A department that does not exist yet is created by the plan.
    /// </summary>
    public sealed class DepartmentMapping : ValueMapping
    {
        public DepartmentMapping() { }

        public DepartmentMapping(params string[] sources) => Sources.AddRange(sources);
    }
}
