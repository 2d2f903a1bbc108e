namespace LmsSync.Core.Lms.Scim
{
    /// <summary>The outcome of one write in a many-user call: success with the user's id, or the error for that user alone.</summary>
    public sealed class ScimWriteResult
    {
        internal ScimWriteResult(int index, int status, string? id, ScimException? error, bool viaBulk)
        {
            Index = index;
            Status = status;
            Id = id;
            Error = error;
            ViaBulk = viaBulk;
        }

        /// <summary>Position of the item in the list passed in.</summary>
        public int Index { get; }

        /// <summary>The HTTP status of this one operation (per-operation status in a BulkResponse).</summary>
        public int Status { get; }

        /// <summary>The user's SCIM id (for creates: the new id) when it succeeded.</summary>
        public string? Id { get; }

        public ScimException? Error { get; }

        public bool Succeeded => Error == null;

        /// <summary>True when it went through <c>/Bulk</c>; false when sent on its own.</summary>
        public bool ViaBulk { get; }

        public override string ToString() => Succeeded ? $"#{Index}: {Status} {Id}" : $"#{Index}: {Error!.Message}";
    }

    /// <summary>One user's changes for <see cref="ScimClient.UpdateUsersAsync"/>.</summary>
    public sealed class ScimUserUpdate
    {
        public ScimUserUpdate(ScimUser current, ScimUserChanges changes)
        {
            Current = current;
            Changes = changes;
        }

        public ScimUser Current { get; }
        public ScimUserChanges Changes { get; }
    }
}
