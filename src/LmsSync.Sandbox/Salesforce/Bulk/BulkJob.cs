using System;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Sandbox.Salesforce.Bulk;

/// <summary>
/// One Bulk API 2.0 query job. Its state moves one step per status read (UploadComplete → InProgress →
/// JobComplete, or Failed when the org is set to fail jobs), so a client's polling is deterministic, and a status read
/// once the job's run time has passed finds it ended, as a real job ends on its own while nobody polls;
/// the query runs when the job completes, so the result is the org as it was then.
/// </summary>
internal sealed class BulkJob(string id, string operation, string soql, string objectName, string apiVersion, string createdById,
    DateTimeOffset createdDate, char delimiter, string columnDelimiterName, string lineEnding)
{
    public const string UploadComplete = "UploadComplete";
    public const string InProgress = "InProgress";
    public const string JobComplete = "JobComplete";
    public const string Failed = "Failed";
    public const string Aborted = "Aborted";

    private readonly object _gate = new();

    public string Id { get; } = id;
    /// <summary><c>query</c> or <c>queryAll</c>.</summary>
    public string Operation { get; } = operation;
    public string Soql { get; } = soql;
    public string ObjectName { get; } = objectName;
    /// <summary>The version that created the job (<c>66.0</c>); any other version gets 409.</summary>
    public string ApiVersion { get; } = apiVersion;
    public string CreatedById { get; } = createdById;
    public DateTimeOffset CreatedDate { get; } = createdDate;
    public char Delimiter { get; } = delimiter;
    public string ColumnDelimiterName { get; } = columnDelimiterName;
    /// <summary><c>LF</c> or <c>CRLF</c>.</summary>
    public string LineEnding { get; } = lineEnding;
    public string LineBreak => LineEnding == "CRLF" ? "\r\n" : "\n";

    public string State { get; private set; } = UploadComplete;
    public DateTimeOffset SystemModstamp { get; private set; } = createdDate;
    public string? ErrorMessage { get; private set; }
    public SoqlResult? Result { get; private set; }

    /// <summary>
    /// Moves the job one state on: the status read that sees InProgress is followed by one that sees the end; a read
    /// at least <paramref name="runTime"/> after creation sees the end at once.
    /// </summary>
    public void Advance(Func<SoqlResult> run, string? failure, DateTimeOffset now, TimeSpan runTime)
    {
        lock (_gate)
        {
            if (State == UploadComplete && now - CreatedDate >= runTime) State = InProgress;
            switch (State)
            {
                case UploadComplete:
                    State = InProgress;
                    break;
                case InProgress when failure is not null:
                    State = Failed;
                    ErrorMessage = failure;
                    break;
                case InProgress:
                    Result = run();
                    State = JobComplete;
                    break;
                default:
                    return;
            }
            SystemModstamp = now;
        }
    }

    /// <summary>Aborts a job still running; false when it has already ended.</summary>
    public bool TryAbort(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (State is not (UploadComplete or InProgress)) return false;
            State = Aborted;
            SystemModstamp = now;
            return true;
        }
    }
}
