using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>A group as the service returned it.</summary>
    public sealed class ScimGroup
    {
        internal ScimGroup(JObject resource, string? version)
        {
            Resource = resource;
            Id = ScimJson.String(resource, "id") ?? throw new FormatException("A SCIM group came back without an id.");
            DisplayName = ScimJson.String(resource, "displayName") ?? "";
            ExternalId = ScimJson.String(resource, "externalId");
            Version = version ?? ScimJson.String(ScimJson.Get(resource, "meta") as JObject, "version");
            var members = ScimJson.Get(resource, "members") as JArray;
            MemberIds = members?.OfType<JObject>().Select(m => ScimJson.String(m, "value")).Where(v => v != null).Select(v => v!)
                .Distinct(StringComparer.Ordinal).ToList() ?? new List<string>();
        }

        public string Id { get; }
        public string DisplayName { get; }
        public string? ExternalId { get; }
        public string? Version { get; }

        /// <summary>The ids of the members (users or groups), without duplicates.</summary>
        public IReadOnlyList<string> MemberIds { get; }

        /// <summary>False when the group was listed without its members (<c>excludedAttributes=members</c>).</summary>
        public bool MembersIncluded { get; internal set; } = true;

        public override string ToString() => $"{DisplayName} ({Id}, {MemberIds.Count} members)";

        internal JObject Resource { get; }
    }
}
