namespace LmsSync.Core.Sync
{
    /// <summary>A group a user joins or leaves. <see cref="Id"/> is null when the plan creates the group.</summary>
    public sealed class GroupRef
    {
        public GroupRef(string? id, string name)
        {
            Id = id;
            Name = name;
        }

        public string? Id { get; }
        public string Name { get; }

        public override string ToString() => Name;
    }
}
