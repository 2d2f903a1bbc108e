using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>A user to create: the userName, the Salesforce Id (<c>externalId</c>) and any attributes by path.</summary>
    public sealed class ScimNewUser
    {
        private readonly List<KeyValuePair<ScimAttributePath, string>> _attributes = new List<KeyValuePair<ScimAttributePath, string>>();

        public ScimNewUser(string userName)
        {
            if (string.IsNullOrWhiteSpace(userName)) throw new ArgumentException("A SCIM user needs a userName (RFC 7643 §4.1: required, unique).", nameof(userName));
            UserName = userName;
        }

        public string UserName { get; }

        /// <summary>The Salesforce Id.</summary>
        public string? ExternalId { get; set; }

        /// <summary>Created active unless said otherwise.</summary>
        public bool Active { get; set; } = true;

        /// <summary>Sets an attribute by path (<c>name.givenName</c>, <c>email</c>, <c>enterprise.department</c> …); a blank value is left out.</summary>
        public ScimNewUser Set(string attributePath, string? value)
        {
            var path = ScimAttributePath.ParseMappable(attributePath);
            _attributes.RemoveAll(a => a.Key.WirePath.Equals(path.WirePath, StringComparison.OrdinalIgnoreCase));
            if (!string.IsNullOrEmpty(value)) _attributes.Add(new KeyValuePair<ScimAttributePath, string>(path, value!));
            return this;
        }

        public IReadOnlyList<KeyValuePair<ScimAttributePath, string>> Attributes => _attributes;

        /// <summary>The POST body; <paramref name="welcome"/> adds the configured vendor switch for the welcome email.</summary>
        internal JObject ToResource(KeyValuePair<ScimAttributePath, bool>? welcome)
        {
            var resource = new JObject { ["schemas"] = new JArray(ScimSchemaUris.User), ["userName"] = UserName };
            if (!string.IsNullOrEmpty(ExternalId)) resource["externalId"] = ExternalId;
            foreach (var attribute in _attributes) attribute.Key.WriteInto(resource, attribute.Value);
            resource["active"] = Active;
            if (welcome is { } w) w.Key.WriteInto(resource, w.Value);
            // Every extension block must be named in "schemas" (RFC 7643 §3).
            var schemas = (JArray)resource["schemas"]!;
            foreach (var uri in resource.Properties().Select(p => p.Name).Where(n => n.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                schemas.Add(uri);
            }
            return resource;
        }
    }
}
