namespace LmsSync.Core.Salesforce.Describe
{
    /// <summary>A field path checked against describe: its canonical spelling and the field it ends at.</summary>
    public sealed class ResolvedField
    {
        public ResolvedField(string requestedPath, string path, string objectName, FieldDescription field)
        {
            RequestedPath = requestedPath;
            Path = path;
            ObjectName = objectName;
            Field = field;
        }

        /// <summary>As the mapping or rule wrote it (<c>manager.email</c>).</summary>
        public string RequestedPath { get; }

        /// <summary>Canonical spelling (<c>Manager.Email</c>): what the query selects and records are keyed by.</summary>
        public string Path { get; }

        /// <summary>The object the last segment belongs to (<c>User</c> for Manager.Email).</summary>
        public string ObjectName { get; }

        public FieldDescription Field { get; }

        public override string ToString() => $"{Path} ({Field.Type})";
    }
}
