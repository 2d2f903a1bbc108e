using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>What one RPC call answers: a status with JSON, or (wrong account key) an HTML page.</summary>
public sealed record SkyPrepAnswer(int Status, JsonNode? Json, string? Html = null, TimeSpan? RetryAfter = null)
{
    // Quotes and apostrophes as a Rails server writes them, not \u0027.
    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static SkyPrepAnswer Ok(JsonNode json) => new(200, json);

    public static SkyPrepAnswer Success() => new(200, new JsonObject { ["message"] = "success" });

    /// <summary>An error body in the configured shape (undocumented [I]).</summary>
    public static SkyPrepAnswer Error(int status, string message, SkyPrepErrorShape shape) => new(status, shape switch
    {
        SkyPrepErrorShape.Error => new JsonObject { ["error"] = message },
        SkyPrepErrorShape.Errors => new JsonObject { ["errors"] = new JsonArray(message) },
        _ => new JsonObject { ["message"] = message },
    });

    /// <summary>What an unknown account key gets: the web app's sign-in page, status 200 [C].</summary>
    public static SkyPrepAnswer AccountPage() => new(200, null, "<!DOCTYPE html>\n<html><head><title>SkyPrep - Sign In</title></head>" +
        "<body><h1>Sign in to your training portal</h1><form action=\"/login\" method=\"post\"><input name=\"email\"><input name=\"password\" type=\"password\"></form></body></html>");

    public async Task WriteAsync(HttpResponse response, bool xml)
    {
        response.StatusCode = Status;
        if (RetryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (Html is not null)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(Html);
            return;
        }
        if (xml)
        {
            // format=xml: a stub good enough to show the switch works; no client of ours reads XML.
            response.ContentType = "application/xml; charset=utf-8";
            var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), ToXml("response", Json));
            await response.WriteAsync(document.Declaration + "\n" + document.Root);
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(Json?.ToJsonString(Plain) ?? "null");
    }

    private static XElement ToXml(string name, JsonNode? node) => node switch
    {
        JsonObject obj => new XElement(XmlName(name), obj.Select(p => ToXml(p.Key, p.Value))),
        JsonArray array => new XElement(XmlName(name), array.Select(item => ToXml(name.EndsWith('s') ? name[..^1] : "item", item))),
        null => new XElement(XmlName(name), new XAttribute("nil", "true")),
        _ => new XElement(XmlName(name), node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()),
    };

    private static string XmlName(string name) => System.Xml.XmlConvert.EncodeLocalName(name) ?? "item";
}
