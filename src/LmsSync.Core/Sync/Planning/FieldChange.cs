namespace LmsSync.Core.Sync
{
    /// <summary>One LMS field the plan writes: its current and its new value (old is null on create).</summary>
    public sealed class FieldChange
    {
        public FieldChange(string field, string? old, string? @new)
        {
            Field = field;
            Old = old;
            New = @new;
        }

        public string Field { get; }
        public string? Old { get; }
        public string? New { get; }

        public override string ToString() => $"{Field}: '{Old}' → '{New}'";
    }
}
