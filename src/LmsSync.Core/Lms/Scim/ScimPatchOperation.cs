using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>One operation of a PatchOp message (RFC 7644 §3.5.2). <c>op</c> is always sent in lower case.</summary>
    public sealed class ScimPatchOperation
    {
        private ScimPatchOperation(string op, string? path, JToken? value)
        {
            Op = op;
            Path = path;
            Value = value;
        }

        /// <summary><c>add</c>, <c>remove</c> or <c>replace</c>.</summary>
        public string Op { get; }

        /// <summary>The attribute path; null for a path-less add/replace whose value is a partial resource.</summary>
        public string? Path { get; }

        public JToken? Value { get; }

        public static ScimPatchOperation Add(string path, JToken value) => new ScimPatchOperation("add", path, value);

        public static ScimPatchOperation Replace(string path, JToken value) => new ScimPatchOperation("replace", path, value);

        /// <summary>A path-less replace: <paramref name="partialResource"/> names the attributes to set.</summary>
        public static ScimPatchOperation Replace(JObject partialResource) => new ScimPatchOperation("replace", null, partialResource);

        public static ScimPatchOperation Remove(string path) => new ScimPatchOperation("remove", path, null);

        internal JObject ToJson()
        {
            var json = new JObject { ["op"] = Op };
            if (Path != null) json["path"] = Path;
            if (Value != null) json["value"] = Value.DeepClone();
            return json;
        }

        /// <summary>The whole PatchOp message.</summary>
        internal static JObject Message(IEnumerable<ScimPatchOperation> operations) => new JObject
        {
            ["schemas"] = new JArray(ScimSchemaUris.PatchOp),
            ["Operations"] = new JArray(operations.Select(o => (object)o.ToJson()).ToArray()),
        };

        /// <summary>
        /// Sending these twice lands in the same state: a replace or remove, or an add of members (set semantics).
        /// An add of an email entry is not: sent twice it could add two.
        /// </summary>
        internal static bool Idempotent(IEnumerable<ScimPatchOperation> operations) =>
            operations.All(o => o.Op != "add" || string.Equals(o.Path, "members", System.StringComparison.OrdinalIgnoreCase));
    }
}
