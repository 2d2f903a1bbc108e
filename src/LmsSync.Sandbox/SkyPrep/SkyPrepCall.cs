using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// One RPC call's parameters: query string and form body merged (body wins), plus the credential headers.
/// SkyPrep accepts both GET query strings (deprecated) and POST bodies [D].
/// </summary>
public sealed class SkyPrepCall
{
    private readonly Dictionary<string, string> _values;

    private SkyPrepCall(string method, Dictionary<string, string> values, string? apiKeyHeader, string? acctKeyHeader)
    {
        Method = method;
        _values = values;
        ApiKey = Get("api_key") ?? apiKeyHeader;
        AcctKey = Get("acct_key") ?? acctKeyHeader;
    }

    public string Method { get; }
    public string? ApiKey { get; }
    public string? AcctKey { get; }
    public IReadOnlyDictionary<string, string> Values => _values;

    public static async Task<SkyPrepCall> ReadAsync(HttpRequest request, string method)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in request.Query) values[pair.Key] = pair.Value.ToString();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var pair in form) values[pair.Key] = pair.Value.ToString();
        }
        return new SkyPrepCall(method, values, Header(request, "X-SkyPrep-API-Key"), Header(request, "X-SkyPrep-Acct-Key"));
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value, or null when absent (an empty value is returned as empty).</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Null when absent; throws <see cref="FormatException"/> when it is not a whole number.</summary>
    public int? GetInt(string name)
    {
        var text = Get(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{name} must be a whole number");
    }

    /// <summary>SkyPrep's spellings: true/false, yes/no, 1/0 (CSV import accepts Yes/No/True/False). Null when absent.</summary>
    public bool? GetBool(string name)
    {
        var text = Get(name);
        if (text is null) return null;
        return text.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" or "" => false,
            _ => throw new FormatException($"{name} must be true or false"),
        };
    }
}
