using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// <c>GET /sobjects</c> (global describe) and <c>GET /sobjects/{Type}/describe</c>; an unknown type is
/// 404 NOT_FOUND. The schema never changes during a run, so each document is built once per version.
/// </summary>
internal sealed class DescribeEndpoint(SalesforceEmulator emulator)
{
    private readonly ConcurrentDictionary<string, byte[]> _documents = new(StringComparer.Ordinal);

    public async Task GlobalAsync(RestCall call)
    {
        var document = _documents.GetOrAdd("*/" + call.Version, _ => Build(json =>
        {
            json.WriteStartObject();
            json.WriteString("encoding", "UTF-8");
            json.WriteNumber("maxBatchSize", 200);
            json.WriteStartArray("sobjects");
            foreach (var type in emulator.Org.Schema.Objects)
            {
                json.WriteStartObject();
                DescribeWriter.WriteSummary(json, type, call.BasePath, full: false);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }));
        await WriteAsync(call, document);
    }

    public async Task DescribeAsync(RestCall call, string typeName)
    {
        var schema = emulator.Org.Schema;
        var type = schema.Find(typeName);
        if (type is null)
        {
            await RestResponse.NotFoundAsync(call.Http);
            return;
        }
        var document = _documents.GetOrAdd(type.Name + "/" + call.Version, _ => Build(json => DescribeWriter.WriteDescribe(json, schema, type, call.BasePath)));
        await WriteAsync(call, document);
    }

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(RestCall call, byte[] document)
    {
        await using var body = RestResponse.Start(call.Http);
        body.Writer.WriteRawValue(document, skipInputValidation: true);
    }
}
