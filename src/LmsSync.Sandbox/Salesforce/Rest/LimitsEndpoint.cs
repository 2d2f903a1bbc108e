using System.Threading.Tasks;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary><c>GET /limits</c> (salesforce-api.md §6.2): each limit as <c>{"Max":n,"Remaining":n}</c>; DailyApiRequests and DailyBulkV2QueryJobs are live.</summary>
internal sealed class LimitsEndpoint(SalesforceEmulator emulator)
{
    public async Task WriteAsync(RestCall call)
    {
        long max = emulator.Settings.DailyApiLimit;
        var used = emulator.ApiUsage.Used(emulator.Clock.UtcNow);
        await using var body = RestResponse.Start(call.Http);
        var json = body.Writer;
        json.WriteStartObject();
        Limit("ConcurrentAsyncGetReportInstances", 200, 200);
        Limit("DailyApiRequests", max, System.Math.Max(0, max - used));
        Limit("DailyAsyncApexExecutions", 250_000, 250_000);
        Limit("DailyBulkApiBatches", 15_000, 15_000);
        Limit("DailyBulkV2QueryFileStorageMB", 976_562, 976_562);
        Limit("DailyBulkV2QueryJobs", 10_000, System.Math.Max(0, 10_000 - emulator.BulkJobs.Created));
        Limit("DataStorageMB", 1_024, 1_000);
        Limit("FileStorageMB", 10_240, 10_240);
        json.WriteEndObject();

        void Limit(string name, long limitMax, long remaining)
        {
            json.WriteStartObject(name);
            json.WriteNumber("Max", limitMax);
            json.WriteNumber("Remaining", remaining);
            json.WriteEndObject();
        }
    }
}
