using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>What a service says it supports at <c>GET /ServiceProviderConfig</c> (RFC 7643 §5).</summary>
    public sealed class ScimServiceProviderConfig
    {
        public bool PatchSupported { get; private set; }
        public bool BulkSupported { get; private set; }
        public int BulkMaxOperations { get; private set; }
        public long BulkMaxPayloadSize { get; private set; }
        public bool FilterSupported { get; private set; }

        /// <summary>The most resources one answer holds; null when not said.</summary>
        public int? FilterMaxResults { get; private set; }

        public bool EtagSupported { get; private set; }
        public bool SortSupported { get; private set; }
        public bool ChangePasswordSupported { get; private set; }

        /// <summary>The <c>type</c> of each authentication scheme (e.g. <c>oauthbearertoken</c>).</summary>
        public IReadOnlyList<string> AuthenticationSchemes { get; private set; } = new string[0];

        /// <summary>True when the service had no <c>/ServiceProviderConfig</c> and these are the assumed defaults.</summary>
        public bool Assumed { get; private set; }

        /// <summary>
        /// When a service has no <c>/ServiceProviderConfig</c> (404; some vendors skip the discovery
        /// endpoints): PATCH and filter are assumed (every provisioning client relies on them), bulk, ETags and sort are not.
        /// </summary>
        public static ScimServiceProviderConfig AssumedDefaults() => new ScimServiceProviderConfig
        {
            PatchSupported = true,
            FilterSupported = true,
            Assumed = true,
        };

        internal static ScimServiceProviderConfig Parse(JObject json)
        {
            var patch = ScimJson.Get(json, "patch") as JObject;
            var bulk = ScimJson.Get(json, "bulk") as JObject;
            var filter = ScimJson.Get(json, "filter") as JObject;
            var etag = ScimJson.Get(json, "etag") as JObject;
            var sort = ScimJson.Get(json, "sort") as JObject;
            var changePassword = ScimJson.Get(json, "changePassword") as JObject;
            var maxOperations = ScimJson.Int(ScimJson.Get(bulk, "maxOperations")) ?? 0;
            var maxResults = ScimJson.Int(ScimJson.Get(filter, "maxResults"));
            return new ScimServiceProviderConfig
            {
                PatchSupported = ScimJson.Bool(ScimJson.Get(patch, "supported")) ?? false,
                // A bulk endpoint that allows no operations is no bulk endpoint.
                BulkSupported = (ScimJson.Bool(ScimJson.Get(bulk, "supported")) ?? false) && maxOperations > 0,
                BulkMaxOperations = maxOperations,
                BulkMaxPayloadSize = ScimJson.Long(ScimJson.Get(bulk, "maxPayloadSize")) ?? 0,
                FilterSupported = ScimJson.Bool(ScimJson.Get(filter, "supported")) ?? false,
                FilterMaxResults = maxResults > 0 ? maxResults : null,
                EtagSupported = ScimJson.Bool(ScimJson.Get(etag, "supported")) ?? false,
                SortSupported = ScimJson.Bool(ScimJson.Get(sort, "supported")) ?? false,
                ChangePasswordSupported = ScimJson.Bool(ScimJson.Get(changePassword, "supported")) ?? false,
                AuthenticationSchemes = (ScimJson.Get(json, "authenticationSchemes") as JArray)?.OfType<JObject>()
                    .Select(s => ScimJson.String(s, "type") ?? ScimJson.String(s, "name") ?? "").Where(s => s.Length > 0).ToList() ?? new List<string>(),
            };
        }
    }
}
