namespace LmsSync.Core.Engine
{
    /// <summary>How far a stage has got, for Write-Progress.</summary>
    public sealed class SyncProgress
    {
        public const string ReadingSalesforce = "Reading Salesforce";
        public const string ReadingLms = "Reading LMS";
        public const string Planning = "Planning";
        public const string Applying = "Applying";

        public SyncProgress(string stage, int done, int? total)
        {
            Stage = stage;
            Done = done;
            Total = total;
        }

        /// <summary>One of <see cref="ReadingSalesforce"/>, <see cref="ReadingLms"/>, <see cref="Planning"/>, <see cref="Applying"/>.</summary>
        public string Stage { get; }
        public int Done { get; }

        /// <summary>Null when not known in advance.</summary>
        public int? Total { get; }

        public override string ToString() => Total is int total ? $"{Stage}: {Done}/{total}" : $"{Stage}: {Done}";
    }
}
