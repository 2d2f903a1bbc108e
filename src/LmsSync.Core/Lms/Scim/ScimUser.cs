using System;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>A user as the service returned it, with the attributes the sync compares read out.</summary>
    public sealed class ScimUser
    {
        private readonly JObject? _resource;
        private readonly byte[]? _compact;
        private readonly ScimFieldSet? _fields;
        private readonly string?[]? _values;
        // Null when the service sent neither date (a whole-user read asks for meta.version only): a run holds every user
        // read, and two empty nullable dates took 48 bytes of each.
        private readonly Dates? _dates;

        internal ScimUser(JObject resource, string? version)
        {
            _resource = resource;
            Id = ScimJson.String(resource, "id") ?? throw new FormatException("A SCIM user came back without an id.");
            UserName = ScimJson.String(resource, "userName") ?? "";
            ExternalId = ScimJson.String(resource, "externalId");
            // RFC 7643 leaves "active" optional; a service that omits it has no deactivation, so the user counts as active.
            Active = ScimJson.Bool(ScimJson.Get(resource, "active")) ?? true;
            var meta = ScimJson.Get(resource, "meta") as JObject;
            Version = version ?? ScimJson.String(meta, "version");
            _dates = Dates.Of(ScimJson.Date(ScimJson.Get(meta, "created")), ScimJson.Date(ScimJson.Get(meta, "lastModified")));
        }

        /// <summary>
        /// A user from a list read (<see cref="ScimStreamReader"/>), kept as compact UTF-8 rather than a tree: with
        /// <paramref name="fields"/>, only the attributes <see cref="ScimFieldSet.KeepsWhole"/> keeps, the others
        /// written back from <paramref name="values"/> when the resource is asked for.
        /// </summary>
        internal ScimUser(string id, string userName, string? externalId, bool? active, string? version, DateTimeOffset? created, DateTimeOffset? lastModified, byte[] compact,
            ScimFieldSet fields, string?[]? values)
        {
            _fields = fields;
            _values = values;
            Id = id;
            UserName = userName;
            ExternalId = externalId;
            Active = active ?? true;
            Version = version;
            _dates = Dates.Of(created, lastModified);
            _compact = compact;
        }

        /// <summary>The service's id (immutable; use it for every later call).</summary>
        public string Id { get; }

        public string UserName { get; }

        /// <summary>The Salesforce Id when this user was provisioned by the sync (or linked to one).</summary>
        public string? ExternalId { get; }

        /// <summary>False when deactivated. Read from a boolean or from the strings "True"/"False" some services send.</summary>
        public bool Active { get; }

        /// <summary>The ETag (<c>W/"…"</c>) as last seen, when the service versions resources.</summary>
        public string? Version { get; }

        public DateTimeOffset? Created => _dates?.Created;
        public DateTimeOffset? LastModified => _dates?.LastModified;

        public string? DisplayName => Get("displayName");
        public string? GivenName => Get("name.givenName");
        public string? FamilyName => Get("name.familyName");

        /// <summary>The work email (else the primary one).</summary>
        public string? Email => Get("email");

        public string? Title => Get("title");
        public string? Department => Get("enterprise.department");
        public string? EmployeeNumber => Get("enterprise.employeeNumber");

        /// <summary>The manager's SCIM id (enterprise <c>manager.value</c>).</summary>
        public string? ManagerId => Get("enterprise.manager");

        /// <summary>Any attribute by path (see <see cref="ScimAttributePath"/>), as text; null when absent.</summary>
        public string? Get(string attributePath) => ScimAttributePath.Parse(attributePath).ReadFrom(Resource);

        /// <summary>
        /// The resource as the service sent it (for previews and diagnostics). From a whole-list read it holds only what
        /// the read asked for (the identity and the catalog's attributes, <see cref="ScimFieldSet.Attributes"/>) and
        /// none of <c>meta</c>, <c>groups</c>, <c>schemas</c>, which no PATCH uses; <see cref="ScimClient.GetUserAsync"/>
        /// gives everything.
        /// </summary>
        public string ToJson() => Resource.ToString(Newtonsoft.Json.Formatting.Indented);

        public override string ToString() => $"{UserName} ({Id}{(Active ? "" : ", inactive")})";

        /// <summary>
        /// The resource as a JSON tree. A user from a list read keeps only compact UTF-8 and parses it anew on each use (a
        /// fresh copy, for a PATCH diff or a preview), so holding many users costs their text, not a tree each.
        /// </summary>
        internal JObject Resource => _resource ?? Rebuilt();

        /// <summary>
        /// The kept attributes, with the identity and each other field's value written back where its path says: for
        /// every catalog field the same text, and so the same PATCH diff, as the resource the service sent.
        /// </summary>
        private JObject Rebuilt()
        {
            var kept = ScimJson.ParseUtf8(_compact!);
            if (_values == null || _fields == null) return kept;
            var resource = new JObject { ["id"] = Id };
            if (UserName.Length > 0) resource["userName"] = UserName;
            if (ExternalId != null) resource["externalId"] = ExternalId;
            resource["active"] = Active;
            foreach (var property in kept.Properties()) resource[property.Name] = property.Value;
            foreach (var field in _fields.Fields)
            {
                var value = _values[field.Index];
                if (value != null && !_fields.KeepsWhole(_fields.AtRoot(field.Root))) field.Path.WriteInto(resource, new JValue(value));
            }
            return resource;
        }

        private sealed class Dates
        {
            private Dates(DateTimeOffset? created, DateTimeOffset? lastModified)
            {
                Created = created;
                LastModified = lastModified;
            }

            public DateTimeOffset? Created { get; }
            public DateTimeOffset? LastModified { get; }

            public static Dates? Of(DateTimeOffset? created, DateTimeOffset? lastModified) =>
                created == null && lastModified == null ? null : new Dates(created, lastModified);
        }
    }
}
