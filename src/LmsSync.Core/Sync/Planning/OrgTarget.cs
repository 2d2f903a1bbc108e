namespace LmsSync.Core.Sync
{
    /// <summary>A department or group a mapped name points at: an existing one (Id set) or one to create.</summary>
    internal readonly struct OrgTarget
    {
        public OrgTarget(string? id, string name)
        {
            Id = id;
            Name = name;
        }

        public string? Id { get; }
        public string Name { get; }
        public bool IsNew => Id == null;
    }
}
