using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Bulk
{
    /// <summary>What a Bulk 2.0 job create or status answer says (salesforce-api.md §5.2).</summary>
    internal sealed class BulkJobInfo
    {
        public const string JobComplete = "JobComplete";
        public const string Failed = "Failed";
        public const string Aborted = "Aborted";

        private BulkJobInfo(string id, string state, string? errorMessage, long? recordsProcessed)
        {
            Id = id;
            State = state;
            ErrorMessage = errorMessage;
            RecordsProcessed = recordsProcessed;
        }

        public string Id { get; }

        /// <summary>UploadComplete, InProgress, JobComplete, Failed or Aborted.</summary>
        public string State { get; }

        public string? ErrorMessage { get; }

        /// <summary>numberRecordsProcessed: the rows the results hold once the job is complete.</summary>
        public long? RecordsProcessed { get; }

        public bool IsRunning => State != JobComplete && State != Failed && State != Aborted;

        public static BulkJobInfo Read(JsonReader reader)
        {
            if (!(JToken.ReadFrom(reader) is JObject job)) throw new InvalidDataException("the job answer is not a JSON object");
            var id = job.Value<string>("id");
            var state = job.Value<string>("state");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(state)) throw new InvalidDataException("the job answer lacks id or state");
            return new BulkJobInfo(id!, state!, job.Value<string>("errorMessage"), job.Value<long?>("numberRecordsProcessed"));
        }
    }
}
