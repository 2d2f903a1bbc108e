namespace LmsSync.Core.Sync
{
    /// <summary>
    /// A change to the LMS's organisation that goes with the user rows: creations come before the users
    /// that need them; deletions after every move. Executors record created departments and groups in the state.
    /// </summary>
    public sealed class OrgChange
    {
        public OrgChange(OrgChangeKind kind, string? id, string name, string? parentId, string reason)
        {
            Kind = kind;
            Id = id;
            Name = name;
            ParentId = parentId;
            Reason = reason;
        }

        public OrgChangeKind Kind { get; }

        /// <summary>The existing department's id (deletions); null for creations.</summary>
        public string? Id { get; }
        public string Name { get; }

        /// <summary>The parent of a new department; null for the LMS's root.</summary>
        public string? ParentId { get; }
        public string Reason { get; }

        public override string ToString() => $"{Kind} '{Name}': {Reason}";
    }
}
