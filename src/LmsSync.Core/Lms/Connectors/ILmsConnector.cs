using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// One LMS behind the sync, in the planner's LMS-neutral terms: it reads the LMS as an
    /// <see cref="LmsSnapshot"/> and applies a plan's org changes and user rows. Each LMS (iSpring Learn,
    /// SkyPrep, SCIM 2.0) adapts its own wire-level client to this. Implementations are safe to call
    /// concurrently up to <see cref="MaxConcurrency"/>.
    /// </summary>
    public interface ILmsConnector : IDisposable
    {
        LmsCapabilities Capabilities { get; }

        /// <summary>The LMS's fields, including custom fields it reports (complete after <see cref="CheckAsync"/>).</summary>
        LmsFieldCatalog Catalog { get; }

        /// <summary>
        /// How many user rows may be applied at once without breaking the LMS's rate limit. Where the limit is found at
        /// run time (iSpring, SCIM), this is its ceiling: the client's gate keeps the real number of requests in flight.
        /// </summary>
        int MaxConcurrency { get; }

        /// <summary>Requests made so far (reads, writes, retries), for run figures and tests.</summary>
        LmsCallCounters Calls { get; }

        /// <summary>Signs in and makes one cheap call, so a connection is known to work before anything runs.</summary>
        Task CheckAsync(CancellationToken cancellationToken);

        /// <summary>All users, groups and departments, read page by page.</summary>
        Task<LmsSnapshot> ReadAsync(IProgress<int>? usersRead, CancellationToken cancellationToken);

        /// <summary>Creates a department or group, or deletes an empty department. Returns the new id (null for a delete).</summary>
        Task<string?> ApplyAsync(OrgChange change, CancellationToken cancellationToken);

        /// <summary>
        /// Applies one user row whose <see cref="PlanRow.WritesToLms"/> is true, or whose department/group
        /// changes are not empty: Create (returns the new LMS id), Update, Deactivate, Reactivate, with the
        /// department move and group joins/leaves. Names of departments and groups created in this run
        /// resolve through <paramref name="orgIds"/>. Throws <see cref="LmsConnectorException"/> with the LMS's own text.
        /// </summary>
        Task<string> ApplyAsync(PlanRow row, IOrgIdResolver orgIds, CancellationToken cancellationToken);

        /// <summary>
        /// The exact requests <see cref="ApplyAsync(PlanRow, IOrgIdResolver, CancellationToken)"/> would send
        /// for this row, without sending them (Get-SfLmsPayload). Never contains a secret.
        /// </summary>
        IReadOnlyList<PayloadPreview> Preview(PlanRow row, IOrgIdResolver orgIds);
    }

    /// <summary>Turns a department or group name into its LMS id, including ones created earlier in the run.</summary>
    public interface IOrgIdResolver
    {
        string? DepartmentId(string name);
        string? GroupId(string name);
    }

    /// <summary>One request as it would go on the wire: method, path relative to the LMS URL, and JSON or form body.</summary>
    public sealed class PayloadPreview
    {
        public PayloadPreview(string method, string path, string? body, string contentType)
        {
            Method = method;
            Path = path;
            Body = body;
            ContentType = contentType;
        }

        public string Method { get; }
        public string Path { get; }
        public string? Body { get; }
        public string ContentType { get; }

        public override string ToString() => Body == null ? $"{Method} {Path}" : $"{Method} {Path}\n{Body}";
    }

    /// <summary>A call to the LMS failed; <see cref="Exception.Message"/> carries the LMS's own text and what to do.</summary>
    public sealed class LmsConnectorException : Exception
    {
        public LmsConnectorException(string message, int statusCode, bool isAuthentication, bool isTransient, Exception? inner = null)
            : base(message, inner)
        {
            StatusCode = statusCode;
            IsAuthentication = isAuthentication;
            IsTransient = isTransient;
        }

        /// <summary>The HTTP status, or 0 when no usable answer came back.</summary>
        public int StatusCode { get; }

        /// <summary>Credentials were refused: every further call will fail the same way.</summary>
        public bool IsAuthentication { get; }

        /// <summary>The LMS was unavailable or overloaded (after retries): worth trying again later.</summary>
        public bool IsTransient { get; }
    }

    /// <summary>Counts of LMS requests, thread-safe.</summary>
    public sealed class LmsCallCounters
    {
        private long _reads;
        private long _writes;
        private long _retries;

        public long Reads => Interlocked.Read(ref _reads);
        public long Writes => Interlocked.Read(ref _writes);
        public long Retries => Interlocked.Read(ref _retries);

        public void CountRead() => Interlocked.Increment(ref _reads);
        public void CountWrite() => Interlocked.Increment(ref _writes);
        public void CountRetry() => Interlocked.Increment(ref _retries);
    }
}
