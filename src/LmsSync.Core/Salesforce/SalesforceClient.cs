using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Bulk;
using LmsSync.Core.Salesforce.Describe;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Groups;
using LmsSync.Core.Salesforce.Query;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce
{
    /// <summary>
    /// A connection to one Salesforce org over REST, for the cmdlets to hold: signs in once and shares the
    /// session, renews it single-flight when it expires, retries transient failures, reads queries page by
    /// page, validates field paths against describe (cached). Safe to use from many threads at once.
    /// </summary>
    public sealed class SalesforceClient : IDisposable
    {
        public const string ClientName = "LmsSync";

        private readonly HttpClient _http;
        private readonly SessionManager _sessions;
        private readonly SalesforceApi _api;
        private readonly IActivityLog _log;
        private readonly int? _batchSize;
        private readonly BulkQuerySettings _bulk;
        private readonly ConcurrentDictionary<string, Lazy<Task<SObjectDescription>>> _describes =
            new ConcurrentDictionary<string, Lazy<Task<SObjectDescription>>>(StringComparer.OrdinalIgnoreCase);
        private SalesforceSession? _lastSession;
        private int _disposed;

        public SalesforceClient(SalesforceSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            settings.Validate();
            _log = settings.Log ?? NullActivityLog.Instance;
            _batchSize = settings.BatchSize;
            _bulk = settings.BulkQuery;
            Target = LoginTarget.From(settings.LoginUrl, settings.Audience);
            var credential = settings.Credential!;
            credential.CheckUsable(Target, _log);

            var network = settings.NetworkHandler ?? new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
            _http = new HttpClient(new RetryingHandler(WithLogging(settings.RetryPolicy ?? new RetryPolicy(), _log), network))
            {
                // Each attempt has its own timeout in the retry layer; the overall call is bounded by the caller's token.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Sforce-Call-Options", "client=" + ClientName);

            var tokens = new TokenClient(_http, Target, settings.ClientId.Trim(), credential, settings.Clock ?? (() => DateTimeOffset.UtcNow), _log);
            _sessions = new SessionManager(async token =>
            {
                var session = await tokens.SignInAsync(token).ConfigureAwait(false);
                Volatile.Write(ref _lastSession, session);
                return session;
            });
            _api = new SalesforceApi(_http, _sessions, settings.NormalizedApiVersion(), _log);
        }

        public LoginTarget Target { get; }

        public string ApiVersion => _api.ApiVersion;

        /// <summary>The current session (null before the first sign-in).</summary>
        public SalesforceSession? Session => Volatile.Read(ref _lastSession);

        /// <summary>API usage from the most recent response's Sforce-Limit-Info header.</summary>
        public ApiUsage? ApiUsage => _api.LastUsage;

        /// <summary>Sign-ins so far: 1 after connecting, +1 per renewal of an expired session.</summary>
        public int SignInCount => _sessions.SignIns;

        /// <summary>Signs in and makes one cheap authenticated call (<c>/limits</c>) so both the credential and the API are known good.</summary>
        public async Task<SalesforceConnectionInfo> ConnectAsync(CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            var session = await _sessions.GetAsync(cancellationToken).ConfigureAwait(false);
            long? max = null, remaining = null;
            try
            {
                var limits = await _api.GetAsync(_api.DataPath("limits"), reader => JToken.ReadFrom(reader) as JObject, cancellationToken).ConfigureAwait(false);
                var daily = limits?["DailyApiRequests"] as JObject;
                max = daily?.Value<long?>("Max");
                remaining = daily?.Value<long?>("Remaining");
            }
            catch (SalesforceApiException e) when (e.ErrorCode == "INSUFFICIENT_ACCESS" || e.ErrorCode == "INSUFFICIENT_ACCESS_OR_READONLY")
            {
                // Reading /limits needs "View Setup and Configuration"; without it, the version's resource list proves the API works.
                _log.Verbose("The integration user may not read /limits; checking the API with the version's resource list instead.");
                await _api.GetAsync(_api.DataPath(""), reader => JToken.ReadFrom(reader), cancellationToken).ConfigureAwait(false);
            }
            session = Session ?? session;
            var info = new SalesforceConnectionInfo(session.InstanceUrl, session.OrganizationId, session.UserId, ApiVersion, max, remaining, ApiUsage);
            _log.Verbose($"Connected to {info}" + (remaining is long left ? $"; {left} API requests left today." : "."));
            return info;
        }

        /// <summary>Runs a SOQL query and returns a reader positioned before its first page (already fetched, so errors in the SOQL surface here).</summary>
        public async Task<SalesforceQueryReader> QueryAsync(string soql, SalesforceQueryOptions? options = null, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            if (string.IsNullOrWhiteSpace(soql)) throw new ArgumentException("The SOQL query is empty.", nameof(soql));
            options = options ?? new SalesforceQueryOptions();
            var batchSize = SalesforceQueryOptions.CheckBatchSize(options.BatchSize) ?? _batchSize;
            var select = SoqlSelectList.Of(soql);
            var shape = new RecordShape(select.ObjectName ?? "", select.Fields, options.FieldTypes);
            var resource = options.IncludeDeleted ? "queryAll" : "query";
            var path = _api.DataPath(resource) + "?q=" + Uri.EscapeDataString(soql.Trim());
            _log.Verbose($"Salesforce {resource}: {Shorten(soql)}");
            var first = await SalesforceQueryReader.FetchAsync(path, _api, shape, batchSize, cancellationToken).ConfigureAwait(false);
            return new SalesforceQueryReader(_api, soql, path, first, shape, batchSize, select.IsCountOnly, options.ReadAhead, _log);
        }

        /// <summary>
        /// Reads the source people: validates every field of <paramref name="query"/> against describe
        /// (a <see cref="SalesforceFieldException"/> lists unknown ones with suggestions), then queries the
        /// canonical names with values converted by their described types.
        /// </summary>
        public async Task<SalesforceQueryReader> QuerySourceAsync(SourceQueryBuilder query, SalesforceQueryOptions? options = null, CancellationToken cancellationToken = default)
        {
            var (soql, types) = await PrepareSourceAsync(query, cancellationToken).ConfigureAwait(false);
            var effective = new SalesforceQueryOptions
            {
                IncludeDeleted = options?.IncludeDeleted ?? false,
                BatchSize = options?.BatchSize,
                ReadAhead = options?.ReadAhead ?? true,
                FieldTypes = types,
            };
            return await QueryAsync(soql, effective, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads the source people through Bulk API 2.0 (salesforce-api.md §5), for large full reads: validates
        /// the fields as <see cref="QuerySourceAsync"/> does, creates a query job, waits for it (a Failed job, or
        /// one past the timeout, is a <see cref="SalesforceBulkJobException"/>), and returns a reader of its CSV
        /// result pages with the same typed values the REST reader produces.
        /// </summary>
        public async Task<BulkQueryReader> QuerySourceBulkAsync(SourceQueryBuilder query, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            var (soql, types) = await PrepareSourceAsync(query, cancellationToken).ConfigureAwait(false);
            var select = SoqlSelectList.Of(soql);
            var shape = new RecordShape(select.ObjectName ?? query.ObjectName, select.Fields, types);
            _log.Verbose($"Salesforce Bulk API 2.0 query: {Shorten(soql)}");
            var job = await BulkQueryJob.CreateAsync(_api, soql, includeDeleted: false, _log, cancellationToken).ConfigureAwait(false);
            var info = await job.WaitAsync(_bulk, cancellationToken).ConfigureAwait(false);
            return new BulkQueryReader(_api, job, info.RecordsProcessed ?? 0, shape, _bulk.MaxRecords, _log);
        }

        /// <summary>How many records the source query matches (<c>SELECT COUNT()</c> with its WHERE): one cheap REST call.</summary>
        public async Task<long> CountSourceAsync(SourceQueryBuilder query, CancellationToken cancellationToken = default)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var reader = await QueryAsync(query.BuildCount(), null, cancellationToken).ConfigureAwait(false);
            return reader.TotalSize;
        }

        /// <summary>The source SOQL over the canonical field names describe returned, and each name's described type.</summary>
        private async Task<(string Soql, Dictionary<string, string> Types)> PrepareSourceAsync(SourceQueryBuilder query, CancellationToken cancellationToken)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var resolved = await ValidateFieldsAsync(query.ObjectName, query.Fields, cancellationToken).ConfigureAwait(false);
            var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in resolved) types[field.Path] = field.Field.Type;
            return (query.Build(resolved.Select(f => f.Path).ToList()), types);
        }

        /// <summary>The object's describe as the integration user sees it; cached for the life of this client.</summary>
        public Task<SObjectDescription> DescribeAsync(string objectName, CancellationToken cancellationToken = default)
        {
            ThrowIfDisposed();
            var name = SoqlLiteral.FieldPath(objectName);
            if (name.Contains(".")) throw new ArgumentException($"'{objectName}' is not an object name.", nameof(objectName));
            var entry = _describes.GetOrAdd(name, key => new Lazy<Task<SObjectDescription>>(() => FetchDescribeAsync(key)));
            var task = entry.Value;
            return WaitAsync(task, cancellationToken);
        }

        private async Task<SObjectDescription> FetchDescribeAsync(string objectName)
        {
            try
            {
                // Shared by every caller asking for this object, so no single caller's token cancels it.
                return await _api.GetAsync(_api.DataPath("sobjects/" + objectName + "/describe"), DescribeReader.Read, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                // A failed describe is not cached: the next caller tries again.
                _describes.TryRemove(objectName, out _);
                throw;
            }
        }

        /// <summary>Checks field paths (<c>Department</c>, <c>Manager.Email</c>) on an object before anything runs; throws <see cref="SalesforceFieldException"/> listing every unknown one with the closest names.</summary>
        public Task<IReadOnlyList<ResolvedField>> ValidateFieldsAsync(string objectName, IEnumerable<string> fieldPaths, CancellationToken cancellationToken = default) =>
            FieldPathResolver.ResolveAsync(objectName, fieldPaths, DescribeAsync, cancellationToken);

        /// <summary>Every user's direct public-group memberships (one streamed query over GroupMember).</summary>
        public async Task<PublicGroupMemberships> GetPublicGroupMembershipsAsync(CancellationToken cancellationToken = default)
        {
            var reader = await QueryAsync(PublicGroupReader.Soql, null, cancellationToken).ConfigureAwait(false);
            var memberships = await PublicGroupReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Read {memberships.MembershipCount} public group memberships of {memberships.UserIds.Count} users in {memberships.GroupNames.Count} groups" +
                         (memberships.NestedGroupMembers > 0 ? $"; {memberships.NestedGroupMembers} nested group members not expanded." : "."));
            return memberships;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            _sessions.Dispose();
            _http.Dispose();
        }

        private void ThrowIfDisposed()
        {
            if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(SalesforceClient));
        }

        private static RetryPolicy WithLogging(RetryPolicy policy, IActivityLog log)
        {
            // A copy, so that a policy shared between clients does not collect one log hook per client.
            var previous = policy.OnRetry;
            return new RetryPolicy
            {
                MaxAttempts = policy.MaxAttempts,
                BaseDelay = policy.BaseDelay,
                MaxDelay = policy.MaxDelay,
                MaxRetryAfter = policy.MaxRetryAfter,
                AttemptTimeout = policy.AttemptTimeout,
                RetryStatuses = policy.RetryStatuses,
                Delay = policy.Delay,
                OnRetry = e =>
                {
                    previous?.Invoke(e);
                    log.Verbose("Salesforce: " + e);
                },
            };
        }

        private static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    throw new OperationCanceledException(cancellationToken);
            }
            return await task.ConfigureAwait(false);
        }

        private static string Shorten(string soql)
        {
            var flat = string.Join(" ", soql.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            return flat.Length <= 300 ? flat : flat.Substring(0, 300) + "…";
        }
    }
}
