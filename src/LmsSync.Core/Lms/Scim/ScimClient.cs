using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>
    /// A client for any SCIM 2.0 service provider (RFC 7643/7644) with a bearer token: discovery, users,
    /// groups and bulk writes. Thread-safe; one instance per connection. See docs/lms/scim.md.
    /// </summary>
    public sealed partial class ScimClient : IDisposable
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");

        private readonly ScimClientOptions _options;
        private readonly ScimTransport _transport;
        private readonly KeyValuePair<ScimAttributePath, bool>? _welcomeOn;
        private readonly KeyValuePair<ScimAttributePath, bool>? _welcomeOff;
        // The last ETag seen per resource (from writes and single reads), sent as If-Match when the service versions resources.
        private readonly ConcurrentDictionary<string, string> _versions = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly object _configGate = new object();
        private Task<ScimServiceProviderConfig>? _config;
        private int _activeWithoutPath;
        // 1 once the service answered 400 to a list with attributes/excludedAttributes: later lists ask without.
        private int _projectionRefused;

        public ScimClient(ScimClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _transport = new ScimTransport(options);
            if (options.WelcomeEmailAttribute != null)
            {
                var path = ScimAttributePath.Parse(options.WelcomeEmailAttribute);
                _welcomeOn = new KeyValuePair<ScimAttributePath, bool>(path, true);
                _welcomeOff = new KeyValuePair<ScimAttributePath, bool>(path, false);
            }
            _activeWithoutPath = options.ActiveStyle == ScimActiveStyle.WithoutPath ? 1 : 0;
        }

        /// <summary>Requests in flight, at most: found at run time, up to <see cref="ScimClientOptions.MaxConcurrency"/>.</summary>
        public AdaptiveConcurrencyLimit Concurrency => _transport.Concurrency;

        /// <summary>The SCIM base URL in use (ends with a slash).</summary>
        public Uri BaseUri => _transport.BaseUri;

        /// <summary>True when a vendor attribute for the welcome email is configured, so creates can switch it on or off.</summary>
        public bool CanControlWelcomeEmail => _welcomeOn != null;

        /// <summary>
        /// <c>GET /ServiceProviderConfig</c>, once per client (a failure is not cached). A service without the
        /// endpoint (404) gets <see cref="ScimServiceProviderConfig.AssumedDefaults"/>.
        /// </summary>
        public Task<ScimServiceProviderConfig> DiscoverAsync(CancellationToken cancellationToken = default)
        {
            lock (_configGate)
            {
                if (_config == null || _config.IsFaulted || _config.IsCanceled) _config = FetchConfigAsync(cancellationToken);
                return _config;
            }
        }

        private async Task<ScimServiceProviderConfig> FetchConfigAsync(CancellationToken cancellationToken)
        {
            try
            {
                var response = await _transport.SendAsync(HttpMethod.Get, "ServiceProviderConfig", null, null, true, cancellationToken).ConfigureAwait(false);
                return response.Body == null ? ScimServiceProviderConfig.AssumedDefaults() : ScimServiceProviderConfig.Parse(response.Body);
            }
            catch (ScimException e) when (e.IsNotFound)
            {
                return ScimServiceProviderConfig.AssumedDefaults();
            }
        }

        /// <summary>The count to ask for: the configured page size, within the service's <c>filter.maxResults</c>.</summary>
        internal async Task<int> PageSizeAsync(CancellationToken cancellationToken)
        {
            var config = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            return config.FilterMaxResults is int max ? Math.Min(max, _options.PageSize) : _options.PageSize;
        }

        /// <summary>One <c>GET /{resource}</c> list call; returns the ListResponse.</summary>
        private async Task<JObject> ListAsync(string resource, string? filter, string query, CancellationToken cancellationToken)
        {
            var response = await _transport.SendAsync(HttpMethod.Get, ListPath(resource, filter, query), null, null, true, cancellationToken).ConfigureAwait(false);
            return response.Body ?? throw ScimException.Unreadable("GET /" + resource, response.Status, new FormatException("The list answer had no body."));
        }

        /// <summary>
        /// One <c>GET /{resource}</c> page of a list, each resource read from the stream by <paramref name="readResource"/>,
        /// with <paramref name="projection"/> (<c>attributes=</c> or <c>excludedAttributes=</c>, which only make pages
        /// smaller) unless the service refused one before. A 400 to a list carrying one is taken as the service
        /// lacking projection, or an attribute it names (an extension it does not have): the page is asked again without,
        /// and so is every later list of this client. A 400 for any other reason comes back from the second ask too.
        /// </summary>
        internal async Task<ScimListPage<T>> ListPageAsync<T>(string resource, string? filter, string query, string? projection, Func<JsonReader, T> readResource, CancellationToken cancellationToken)
        {
            if (projection != null && Volatile.Read(ref _projectionRefused) == 0)
            {
                try
                {
                    return await _transport.GetListAsync(ListPath(resource, filter, query + "&" + projection), readResource, cancellationToken).ConfigureAwait(false);
                }
                catch (ScimException e) when (e.StatusCode == 400)
                {
                    if (Interlocked.Exchange(ref _projectionRefused, 1) == 0)
                        (_options.Log ?? NullActivityLog.Instance).Verbose($"The SCIM service refused {projection.Split('=')[0]} on GET /{resource} ({e.ScimType ?? "HTTP 400"}); lists are read as whole resources from now on.");
                }
            }
            return await _transport.GetListAsync(ListPath(resource, filter, query), readResource, cancellationToken).ConfigureAwait(false);
        }

        private static string ListPath(string resource, string? filter, string query) =>
            resource + "?" + query + (filter == null ? "" : "&filter=" + Uri.EscapeDataString(filter));

        /// <summary><c>count=0</c>: only <c>totalResults</c>, no resources (RFC 7644 §3.4.2.4).</summary>
        private async Task<int> CountAsync(string resource, string? filter, CancellationToken cancellationToken)
        {
            var page = await ListAsync(resource, filter, "startIndex=1&count=0", cancellationToken).ConfigureAwait(false);
            return ScimJson.Int(ScimJson.Get(page, "totalResults")) ?? 0;
        }

        /// <summary>Up to <paramref name="limit"/> resources matching a filter (for lookups that expect one or a few).</summary>
        private async Task<List<JObject>> SearchAsync(string resource, string filter, int limit, CancellationToken cancellationToken)
        {
            var page = await ListAsync(resource, filter, "startIndex=1&count=" + limit, cancellationToken).ConfigureAwait(false);
            return (ScimJson.Get(page, "Resources") as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
        }

        private async Task<(JObject Resource, string? Version)?> GetAsync(string resource, string id, CancellationToken cancellationToken)
        {
            try
            {
                var response = await _transport.SendAsync(HttpMethod.Get, resource + "/" + Uri.EscapeDataString(id), null, null, true, cancellationToken).ConfigureAwait(false);
                if (response.Body == null) throw ScimException.Unreadable($"GET /{resource}/{id}", response.Status, new FormatException("The answer had no body."));
                var version = await RememberAsync(resource, id, response, cancellationToken).ConfigureAwait(false);
                return (response.Body, version);
            }
            catch (ScimException e) when (e.IsNotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// PATCH with optimistic locking: If-Match when the service versions resources and a version is known;
        /// on 412 the resource is read again, the operations rebuilt against it, and sent once more. Member adds and
        /// removes are not <paramref name="versioned"/>: they commute, and concurrent joins to one group would
        /// otherwise keep invalidating each other's version.
        /// </summary>
        private async Task<ScimResponse> PatchAsync(string resource, string id, JObject? current, string? version,
            Func<JObject?, IReadOnlyList<ScimPatchOperation>> build, CancellationToken cancellationToken, bool versioned = true)
        {
            var config = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (!config.PatchSupported)
            {
                throw new NotSupportedException($"This SCIM service does not support PATCH (its /ServiceProviderConfig says patch.supported=false); the LmsSync SCIM client needs PATCH to update {resource}.");
            }
            var key = resource + "/" + id;
            var ifMatch = config.EtagSupported && versioned ? version ?? (_versions.TryGetValue(key, out var known) ? known : null) : null;
            var operations = build(current);
            if (operations.Count == 0) return new ScimResponse(204, null, null, null);
            try
            {
                return await SendPatchAsync(resource, id, operations, ifMatch, cancellationToken).ConfigureAwait(false);
            }
            catch (ScimException e) when (e.IsPreconditionFailed)
            {
                var fresh = await GetAsync(resource, id, cancellationToken).ConfigureAwait(false);
                if (fresh == null) throw;
                operations = build(fresh.Value.Resource);
                if (operations.Count == 0) return new ScimResponse(200, fresh.Value.Resource, fresh.Value.Version, null);
                return await SendPatchAsync(resource, id, operations, config.EtagSupported ? fresh.Value.Version : null, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<ScimResponse> SendPatchAsync(string resource, string id, IReadOnlyList<ScimPatchOperation> operations, string? ifMatch, CancellationToken cancellationToken)
        {
            var response = await _transport.SendAsync(Patch, resource + "/" + Uri.EscapeDataString(id), ScimPatchOperation.Message(operations), ifMatch,
                ScimPatchOperation.Idempotent(operations), cancellationToken).ConfigureAwait(false);
            await RememberAsync(resource, id, response, cancellationToken).ConfigureAwait(false);
            return response;
        }

        /// <summary>Keeps the resource's new version (ETag header, else meta.version) for the next If-Match; forgets it when the answer had none.</summary>
        private async Task<string?> RememberAsync(string resource, string id, ScimResponse response, CancellationToken cancellationToken)
        {
            var config = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            var key = resource + "/" + id;
            var version = response.ETag ?? ScimJson.String(ScimJson.Get(response.Body, "meta") as JObject, "version");
            if (!config.EtagSupported || version == null)
            {
                _versions.TryRemove(key, out _);
                return config.EtagSupported ? null : version;
            }
            _versions[key] = version;
            return version;
        }

        /// <summary>The id of a created resource: from the body; else the last segment of Location (some services answer without a body).</summary>
        private static string? IdFrom(JObject? body, string? location)
        {
            var id = ScimJson.String(body, "id");
            if (id != null) return id;
            if (location == null) return null;
            var path = location.Split('?')[0].TrimEnd('/');
            var last = path.Substring(path.LastIndexOf('/') + 1);
            return last.Equals("Users", StringComparison.OrdinalIgnoreCase) || last.Equals("Groups", StringComparison.OrdinalIgnoreCase) || last.Length == 0
                ? null : Uri.UnescapeDataString(last);
        }

        public void Dispose() => _transport.Dispose();
    }
}
