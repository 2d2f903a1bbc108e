namespace LmsSync.Core.Sync
{
    /// <summary>A move to another department. <see cref="ToId"/> is null when the plan creates that department.</summary>
    public sealed class DepartmentChange
    {
        public DepartmentChange(string? fromId, string? fromName, string? toId, string toName)
        {
            FromId = fromId;
            FromName = fromName;
            ToId = toId;
            ToName = toName;
        }

        public string? FromId { get; }
        public string? FromName { get; }
        public string? ToId { get; }
        public string ToName { get; }

        public override string ToString() => $"{FromName ?? "(none)"} → {ToName}";
    }
}
