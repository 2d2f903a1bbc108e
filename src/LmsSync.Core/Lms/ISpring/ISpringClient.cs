using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// The wire-level client for the iSpring Learn REST API v3 (lms-apis.md §2): users, departments, groups, the
    /// profile-field catalogue. Thread-safe; one instance per account. What it does on the wire: docs/lms/ispring.md.
    /// </summary>
    public sealed partial class ISpringClient : IDisposable
    {
        private readonly ISpringClientOptions _options;
        private readonly ISpringHttp _http;
        private readonly ISpringTokenSource _tokens;
        private readonly HttpMessageInvoker _tokenHttp;
        private readonly ISpringGroupLocks _groupLocks = new ISpringGroupLocks();
        private readonly ISpringMemberListWriter _members;
        private readonly SemaphoreSlim _fieldGate = new SemaphoreSlim(1, 1);
        private readonly IActivityLog _log;
        private string? _salesforceIdFieldName;
        private volatile ISet<string>? _smartGroupIds;

        public ISpringClient(ISpringClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
            var baseUri = EndpointGuard.RequireSecure(options.BaseUrl, "iSpring Learn API URL");
            var baseText = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

            // Token requests and API calls share the retry layer and, under it, the limit on requests in flight (each
            // attempt takes a slot; a retry's wait holds none); only API calls go through the Bearer/401 handler.
            var log = _log = options.Log ?? NullActivityLog.Instance;
            Concurrency = new AdaptiveConcurrencyLimit(options.MaxConcurrentRequests) { OnCut = cut => log.Verbose("iSpring Learn: " + cut + ".") };
            var retrying = new RetryingHandler(options.RetryPolicy, new ConcurrencyGateHandler(Concurrency, options.InnerHandler ?? NetworkHandler.Create(options.MaxConcurrentRequests)));
            _tokenHttp = new HttpMessageInvoker(retrying, disposeHandler: false);
            _tokens = new ISpringTokenSource(_tokenHttp, new Uri(baseText + "/api/v3/token"), options);
            var api = new HttpClient(new ISpringAuthHandler(_tokens, retrying)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http = new ISpringHttp(api, baseUri);
            _members = new ISpringMemberListWriter(_groupLocks, GetGroupAsync, WriteMembersAsync, options.MaxGroupWriteAttempts);
        }

        /// <summary>Requests in flight, at most: found at run time, up to <see cref="ISpringClientOptions.MaxConcurrentRequests"/>.</summary>
        public AdaptiveConcurrencyLimit Concurrency { get; }

        /// <summary>How many times this client has signed in (initial sign-in plus renewals).</summary>
        public int SignIns => _tokens.SignIns;

        /// <summary>Signs in now, so a wrong key fails before any work starts.</summary>
        public Task SignInAsync(CancellationToken cancellationToken = default) => _tokens.GetAsync(cancellationToken);

        public void Dispose()
        {
            _http.Dispose();
            _tokenHttp.Dispose();
            _tokens.Dispose();
            _fieldGate.Dispose();
        }

        /// <summary>The values as iSpring's repeated query parameter: <c>&amp;emails%5B%5D=a&amp;emails%5B%5D=b</c>.</summary>
        private static string QueryList(string name, IEnumerable<string> values) =>
            string.Concat(values.Where(v => !string.IsNullOrEmpty(v)).Select(v => "&" + Uri.EscapeDataString(name + "[]") + "=" + Uri.EscapeDataString(v)));

        /// <summary>The <c>pageToken</c> parameter, passed back unchanged (escaped); nothing for the first page.</summary>
        private static string PageToken(string? token) => token == null ? "" : "&pageToken=" + Uri.EscapeDataString(token);

        private static string Path(string format, string id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Uri.EscapeDataString(id));

        private static JArray Array(IEnumerable<string> ids) => new JArray(ids.Cast<object>().ToArray());

        private static IEnumerable<List<string>> Batches(IEnumerable<string> ids, int size)
        {
            var batch = new List<string>(size);
            foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                batch.Add(id);
                if (batch.Count == size)
                {
                    yield return batch;
                    batch = new List<string>(size);
                }
            }
            if (batch.Count > 0) yield return batch;
        }

        private static JObject Object(JToken token, string operation)
        {
            if (token is JObject o) return o;
            throw new ISpringApiException(operation, 0, null, "expected a JSON object, got " + token.Type, "Check BaseUrl points at the iSpring Learn API.");
        }

        private static JArray ArrayOf(JToken token, string operation)
        {
            if (token is JArray a) return a;
            throw new ISpringApiException(operation, 0, null, "expected a JSON array, got " + token.Type, "Check BaseUrl points at the iSpring Learn API.");
        }

        private static T Read<T>(Func<T> parse, string operation)
        {
            try
            {
                return parse();
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                throw new ISpringApiException(operation, 0, null, e.Message, "The answer did not have the fields expected; check BaseUrl points at the iSpring Learn API.", e);
            }
        }
    }
}
