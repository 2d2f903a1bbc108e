using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Scim;

/// <summary>The HTTP edge of the emulator: bearer auth, reading JSON bodies, writing SCIM answers and errors.</summary>
internal static class ScimHttp
{
    // Relaxed escaping: quotes and apostrophes as a SCIM client expects to read them ("W/\"1\"", not "W/\u00221\u0022").
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = Options.Encoder };

    /// <summary>Runs a handler behind the bearer-token check, turning <see cref="ScimError"/> into the RFC 7644 §3.12 error answer.</summary>
    public static async Task Handle(HttpContext http, ScimService service, Func<Task> handler)
    {
        try
        {
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : null;
            var refused = service.CheckToken(token);
            if (refused is not null)
            {
                http.Response.Headers.WWWAuthenticate = token is null ? "Bearer realm=\"scim\"" : "Bearer realm=\"scim\", error=\"invalid_token\"";
                throw new ScimError(401, null, refused);
            }
            await handler();
        }
        catch (ScimError e)
        {
            await WriteError(http, service.Behaviour, e);
        }
    }

    public static async Task WriteError(HttpContext http, ScimBehaviour behaviour, ScimError error)
    {
        http.Response.StatusCode = error.Status;
        if (error.Status == 409 && behaviour.ProblemJsonConflicts)
        {
            // RFC 7807, as ASP.NET Core's ProblemDetails writes it (Microsoft's SCIM reference code on .NET does this).
            var problem = new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                ["title"] = "Conflict",
                ["status"] = 409,
                ["detail"] = error.Detail,
            };
            await WriteBody(http, Utf8(problem), "application/problem+json; charset=utf-8");
            return;
        }
        await Write(http, behaviour, error.Status, ErrorBody(error));
    }

    public static JsonObject ErrorBody(ScimError error)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(JsonValue.Create(ScimSchemas.ErrorUri)),
            ["status"] = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (error.ScimType is not null) body["scimType"] = error.ScimType;
        body["detail"] = error.Detail;
        return body;
    }

    public static Task Write(HttpContext http, ScimBehaviour behaviour, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        return WriteBody(http, Utf8(body), ContentType(behaviour));
    }

    /// <summary>
    /// A ListResponse (RFC 7644 §3.4.2) around resources already serialized: the same bytes as serializing the whole
    /// answer as one tree (the same encoder, no whitespace), written into a reused buffer.
    /// </summary>
    public static async Task WriteList(HttpContext http, ScimBehaviour behaviour, ScimPage page)
    {
        var buffer = ResponseBuffers.Rent();
        try
        {
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteStartArray("schemas");
                json.WriteStringValue(ScimSchemas.ListResponseUri);
                json.WriteEndArray();
                json.WriteNumber("totalResults", page.TotalResults);
                json.WriteNumber("itemsPerPage", page.Resources.Count);
                json.WriteNumber("startIndex", page.StartIndex);
                // RFC 7644 §3.4.2: "Resources" may be left out when empty (count=0, or nothing matches).
                if (page.Resources.Count > 0)
                {
                    json.WriteStartArray("Resources");
                    foreach (var resource in page.Resources) json.WriteRawValue(resource, skipInputValidation: true);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            http.Response.StatusCode = 200;
            await WriteBody(http, buffer.WrittenMemory, ContentType(behaviour));
        }
        finally
        {
            ResponseBuffers.Return(buffer);
        }
    }

    /// <summary>A resource or answer as UTF-8 JSON, as every answer is written (the same writer and encoder as ToJsonString, without the string in between).</summary>
    public static byte[] Utf8(JsonNode body) => JsonSerializer.SerializeToUtf8Bytes(body, Options);

    private static string ContentType(ScimBehaviour behaviour) => (behaviour.PlainJsonContentType ? "application/json" : "application/scim+json") + "; charset=utf-8";

    private static async Task WriteBody(HttpContext http, ReadOnlyMemory<byte> bytes, string contentType)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>The request body as a JSON object; 400 invalidSyntax when it is not one (or not JSON at all).</summary>
    public static async Task<(JsonObject Body, long Bytes)> ReadObject(HttpRequest request)
    {
        var contentType = request.ContentType ?? "";
        if (!contentType.StartsWith("application/scim+json", StringComparison.OrdinalIgnoreCase) &&
            !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw ScimError.InvalidSyntax($"Send the body as application/scim+json (or application/json), not '{contentType}'.");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        try
        {
            var node = JsonNode.Parse(buffer.ToArray());
            return node is JsonObject obj ? (obj, buffer.Length) : throw ScimError.InvalidSyntax("The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw ScimError.InvalidSyntax("The body is not valid JSON: " + e.Message);
        }
    }

    public static int? IntQuery(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : throw ScimError.InvalidValue($"'{name}' must be an integer, not '{text}'.");
    }

    public static string? Query(HttpRequest request, string name)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? null : text;
    }

    public static string? Header(HttpRequest request, string name)
    {
        var text = request.Headers[name].ToString();
        return text.Length == 0 ? null : text;
    }
}
