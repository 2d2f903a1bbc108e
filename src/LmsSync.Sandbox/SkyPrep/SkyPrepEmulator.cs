using System;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.SkyPrep;

/// <summary>
/// SkyPrep's admin API (lms-apis.md §1) at <c>/skyprep/admin/api/&lt;method&gt;</c>: form or query parameters,
/// keys in body, query or headers, JSON out (<c>format=xml</c> a stub), a per-IP sliding-window rate limit,
/// and every undocumented behaviour a switch in <see cref="Behaviour"/>. Test-only admin routes live under
/// <c>/__admin/skyprep/</c> (see <see cref="SkyPrepAdminApi"/>).
/// </summary>
public sealed class SkyPrepEmulator : ISandboxEmulator
{
    public const string Prefix = "/skyprep";

    private readonly SandboxContext _context;
    private readonly SkyPrepApi _api;
    private SkyPrepBehaviour _behaviour = new();
    private readonly string _startKey = NewApiKey();
    private string _apiKey;

    public SkyPrepEmulator(SandboxContext context)
    {
        _context = context;
        _apiKey = _startKey;
        AcctKey = "sandbox-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant() + ".skyprepapp.com";
        State.Seed(context.Clock.UtcNow);
        _api = new SkyPrepApi(State, () => Behaviour, context.Clock);
    }

    public string Name => "skyprep";

    public SkyPrepState State { get; } = new();

    public SkyPrepSlidingWindow RateLimit { get; } = new();

    /// <summary>The switches in force. Replace or mutate between calls; requests read it once each.</summary>
    public SkyPrepBehaviour Behaviour
    {
        get => Volatile.Read(ref _behaviour);
        set => Volatile.Write(ref _behaviour, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The valid API key (generated per start; <see cref="RotateApiKey"/> revokes it).</summary>
    public string ApiKey => Volatile.Read(ref _apiKey);

    /// <summary>The account key: the platform domain, e.g. <c>sandbox-1a2b3c.skyprepapp.com</c>.</summary>
    public string AcctKey { get; }

    /// <summary>The API root a client is given: <c>{BaseUrl}/skyprep</c>.</summary>
    public string Url(SandboxContext context) => context.BaseUrl + Prefix;

    /// <summary>Issues a new key; the old one is refused from now on (a key revoked mid-run).</summary>
    public string RotateApiKey()
    {
        var key = NewApiKey();
        Volatile.Write(ref _apiKey, key);
        return key;
    }

    /// <summary>Seeded state, default switches, no emails, an empty rate window, the API key of sandbox.json.</summary>
    public void Reset(bool empty = false)
    {
        Volatile.Write(ref _apiKey, _startKey);
        Behaviour = new SkyPrepBehaviour();
        if (empty) State.Clear();
        else State.Seed(_context.Clock.UtcNow);
        RateLimit.Clear();
    }

    public void Map(IEndpointRouteBuilder routes, SandboxContext context)
    {
        routes.MapMethods(Prefix + "/admin/api/{method}", new[] { "GET", "POST" }, (Func<HttpContext, string, Task>)HandleAsync);
        SkyPrepAdminApi.Map(routes, this, context);
    }

    public JsonObject DescribeForInfoFile(SandboxContext context) => new()
    {
        ["url"] = Url(context),
        ["apiKey"] = ApiKey,
        ["acctKey"] = AcctKey,
    };

    private async Task HandleAsync(HttpContext http, string method)
    {
        var behaviour = Behaviour;
        var call = await SkyPrepCall.ReadAsync(http.Request, method);
        var xml = string.Equals(call.Get("format"), "xml", StringComparison.OrdinalIgnoreCase);
        var answer = Admit(http, call, behaviour) ?? _api.Handle(call);
        await answer.WriteAsync(http.Response, xml);
    }

    /// <summary>The rate limit (per source IP, counted before the keys are checked), then the keys; null = go ahead.</summary>
    private SkyPrepAnswer? Admit(HttpContext http, SkyPrepCall call, SkyPrepBehaviour b)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (RateLimit.TryAcquire(address, b.RateLimitPerMinute, _context.Clock.UtcNow) is { } wait)
        {
            var refused = SkyPrepAnswer.Error(b.RateLimitStatus, b.RateLimitMessage, b.ErrorShape);
            return b.RateLimitSendsRetryAfter ? refused with { RetryAfter = wait } : refused;
        }
        if (string.IsNullOrEmpty(call.ApiKey)) return SkyPrepAnswer.Error(b.BadApiKeyStatus, "api_key is required.", b.ErrorShape);
        if (!FixedTimeEquals(call.ApiKey, ApiKey)) return SkyPrepAnswer.Error(b.BadApiKeyStatus, "Invalid API key.", b.ErrorShape);
        if (string.IsNullOrEmpty(call.AcctKey)) return SkyPrepAnswer.Error(b.BadApiKeyStatus, "acct_key is required.", b.ErrorShape);
        if (!string.Equals(call.AcctKey.Trim(), AcctKey, StringComparison.OrdinalIgnoreCase))
            return b.WrongAcctKeyAnswersHtml ? SkyPrepAnswer.AccountPage() : SkyPrepAnswer.Error(b.BadApiKeyStatus, "Invalid account key.", b.ErrorShape);
        return null;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static string NewApiKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
