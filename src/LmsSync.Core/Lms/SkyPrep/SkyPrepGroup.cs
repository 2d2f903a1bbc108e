namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>A SkyPrep user group (SkyPrep's only way to organise users: it has no departments).</summary>
    public sealed class SkyPrepGroup
    {
        public SkyPrepGroup(long id, string name)
        {
            Id = id;
            Name = name;
        }

        public long Id { get; }

        /// <summary>The group's name; empty when SkyPrep listed the group by id only.</summary>
        public string Name { get; }

        public override string ToString() => $"{Name} ({Id})";
    }
}
