namespace LmsSync.Core.Sync
{
    /// <summary>A department (org unit) in the LMS; departments form a tree through <see cref="ParentId"/>.</summary>
    public sealed class LmsDepartment
    {
        public LmsDepartment(string id, string name, string? parentId)
        {
            Id = id;
            Name = name;
            ParentId = parentId;
        }

        public string Id { get; }
        public string Name { get; }

        /// <summary>The parent department's id; null for the root.</summary>
        public string? ParentId { get; }
    }
}
