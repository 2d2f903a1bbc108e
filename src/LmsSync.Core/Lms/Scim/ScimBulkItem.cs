using System;
using System.Text;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>One operation of a BulkRequest (RFC 7644 §3.7), with what the client needs to send it alone instead.</summary>
    internal sealed class ScimBulkItem
    {
        public ScimBulkItem(int index, string method, string path, JObject data, string? version, string? id, bool safeToResend)
        {
            Index = index;
            Method = method;
            Path = path;
            Data = data;
            Version = version;
            Id = id;
            SafeToResend = safeToResend;
            BulkId = "op" + index;
            Resource = path.TrimStart('/').Split('/')[0];
            Size = Encoding.UTF8.GetByteCount(ScimJson.Serialize(ToJson()));
        }

        public int Index { get; }
        public string Method { get; }
        public string Path { get; }
        public JObject Data { get; }
        public string? Version { get; }
        public string? Id { get; }
        public string BulkId { get; }
        public int Size { get; }

        /// <summary><c>Users</c> or <c>Groups</c>: where the resource's version is remembered.</summary>
        public string Resource { get; }

        /// <summary>
        /// Sending it twice lands in the same state (a replace, a member add or remove) or is refused as a duplicate
        /// (a create, by userName uniqueness). A BulkRequest made only of these may be sent again after a 5xx.
        /// </summary>
        public bool SafeToResend { get; }

        /// <summary>
        /// An operation answered with this status and error is sent again on its own (the single path knows how to
        /// recover: a 412 re-reads, a member remove with noTarget reads the group). Default: a PATCH that met 412.
        /// </summary>
        public Func<int, ScimException, bool> RetryAloneWhen { get; set; } = (status, _) => status == 412;

        public JObject ToJson()
        {
            var json = new JObject { ["method"] = Method, ["bulkId"] = BulkId, ["path"] = Path };
            if (Version != null) json["version"] = Version;
            json["data"] = Data;
            return json;
        }
    }
}
