using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// An iSpring answer: JSON when the request's <c>Accept</c> asks for <c>application/json</c>, otherwise XML —
/// the real API serves both and picks by <c>Accept</c>, so a client that forgets the header gets XML and fails.
/// </summary>
internal sealed class ISpringResult(int status, JsonNode? body) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        if (body is null) return;
        if (WantsJson(http.Request))
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
        }
        else
        {
            http.Response.ContentType = "application/xml; charset=utf-8";
            await http.Response.WriteAsync(ISpringXml.Write(body), Encoding.UTF8);
        }
    }

    /// <summary>Only an explicit <c>application/json</c> (q &gt; 0) selects JSON; absent, <c>*/*</c> and <c>application/xml</c> get XML.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Where(a => a is not null).Select(a => a!).ToList(), out var accepted)) return false;
        return accepted.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
    }
}

/// <summary>
/// A 200 written straight to JSON by <paramref name="write"/> (large lists: no DOM). XML, which only tests ask
/// for, is made from the same JSON parsed back, so both answers carry the same content.
/// </summary>
internal sealed class ISpringWrittenResult(Action<Utf8JsonWriter> write) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var buffer = ResponseBuffers.Rent();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer)) write(writer);
            if (!ISpringResult.WantsJson(http.Request))
            {
                await new ISpringResult(200, JsonNode.Parse(buffer.WrittenSpan)).ExecuteAsync(http);
                return;
            }
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json; charset=utf-8";
            // The length is known: a client can size its buffer once instead of growing it through a 700 KB page.
            http.Response.ContentLength = buffer.WrittenCount;
            await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
        }
        finally
        {
            ResponseBuffers.Return(buffer);
        }
    }
}

internal static class ISpringWire
{
    public static IResult Ok(JsonNode body) => new ISpringResult(200, body);

    public static IResult Ok(Action<Utf8JsonWriter> write) => new ISpringWrittenResult(write);

    public static IResult OkEmpty() => new ISpringResult(200, null);

    public static IResult NoContent() => new ISpringResult(204, null);

    /// <summary>201 with the new id as the body (a JSON string; <c>&lt;response&gt;id&lt;/response&gt;</c> in XML).</summary>
    public static IResult Created(string id) => new ISpringResult(201, JsonValue.Create(id));

    /// <summary>The vendor's <c>ErrorResponse {code, message}</c>; <c>code</c> repeats the HTTP status (the vendor's own codes are not published).</summary>
    public static IResult Error(int status, string message) =>
        new ISpringResult(status, new JsonObject { ["code"] = status, ["message"] = message });
}
