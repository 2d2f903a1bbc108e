namespace LmsSync.Core.Sync
{
    /// <summary>A group in the LMS. Names compare case-insensitively when the mapping resolves them.</summary>
    public sealed class LmsGroup
    {
        public LmsGroup(string id, string name)
        {
            Id = id;
            Name = name;
        }

        public string Id { get; }
        public string Name { get; }
    }
}
