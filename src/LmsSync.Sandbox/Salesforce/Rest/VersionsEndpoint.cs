using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary><c>GET /services/data/</c> (no session needed) and the per-version resource directory.</summary>
internal static class VersionsEndpoint
{
    public static async Task WriteVersionsAsync(HttpContext http)
    {
        await using var body = RestResponse.Start(http);
        var json = body.Writer;
        json.WriteStartArray();
        foreach (var (label, url, version) in ApiVersions.All())
        {
            json.WriteStartObject();
            json.WriteString("label", label);
            json.WriteString("url", url);
            json.WriteString("version", version);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary><c>GET /services/data/vNN.N</c>: the resources this emulator serves under the version.</summary>
    public static async Task WriteResourcesAsync(RestCall call)
    {
        await using var body = RestResponse.Start(call.Http);
        var json = body.Writer;
        json.WriteStartObject();
        json.WriteString("limits", call.BasePath + "/limits");
        json.WriteString("query", call.BasePath + "/query");
        json.WriteString("queryAll", call.BasePath + "/queryAll");
        json.WriteString("sobjects", call.BasePath + "/sobjects");
        json.WriteEndObject();
    }
}
