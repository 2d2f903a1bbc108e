namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// The groups a user belongs to, by name. Each source field may hold several names split on
    /// <see cref="Separator"/> (Salesforce multi-select picklists use <c>;</c>); the user's Salesforce
    /// public groups can be added. <see cref="ValueMapping.Default"/> (also split) applies when no name is found.
    /// </summary>
    public sealed class GroupMapping : ValueMapping
    {
        public GroupMapping() { }

        public GroupMapping(params string[] sources) => Sources.AddRange(sources);

        public string Separator { get; set; } = ";";

        public GroupCombine Combine { get; set; } = GroupCombine.All;

        /// <summary>Adds the names of the user's Salesforce public groups.</summary>
        public bool IncludePublicGroups { get; set; }
    }
}
