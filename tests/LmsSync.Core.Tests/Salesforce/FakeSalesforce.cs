using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>
/// An in-memory stand-in for the network under <see cref="SalesforceClient"/>, for behaviours that need
/// exact control (timing of concurrent expiry, odd page shapes). Wire-level behaviour is tested against
/// the Sandbox emulator; this only drives the client's decisions.
/// </summary>
internal sealed class FakeSalesforce : HttpMessageHandler
{
    public const string LoginUrl = "https://login.salesforce.com";
    public const string InstanceUrl = "https://acme.my.salesforce.com";

    private readonly object _gate = new();
    private readonly List<HttpRequestMessage> _requests = new();
    private int _tokenNumber;

    /// <summary>Answers REST calls that carry the current token; null = 404.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> Rest { get; set; } = _ => null;

    /// <summary>Replaces the token endpoint's answer (e.g. an error) when set.</summary>
    public Func<HttpResponseMessage>? TokenAnswer { get; set; }

    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public string CurrentToken { get; private set; } = "";

    /// <summary>When true, every token (even a fresh one) is refused with 401.</summary>
    public bool RefuseAllTokens { get; set; }

    public int TokenCalls => Volatile.Read(ref _tokenNumber);

    public string? LastTokenRequestBody { get; private set; }

    public List<string> TokenRequestBodies { get; } = new();

    public IReadOnlyList<HttpRequestMessage> Requests { get { lock (_gate) return _requests.ToList(); } }

    /// <summary>Ends the current session: the next REST call with it gets 401 INVALID_SESSION_ID.</summary>
    public void ExpireSession() => CurrentToken = "expired";

    public SalesforceClient Client(SalesforceCredential? credential = null, RecordingLog? log = null, Action<SalesforceSettings>? configure = null)
    {
        var settings = new SalesforceSettings
        {
            LoginUrl = LoginUrl,
            ClientId = "3MVG9fake",
            Credential = credential ?? new ClientCredentialsCredential(TestCertificates.Secure("client-secret-xyz")),
            NetworkHandler = this,
            Log = log,
            RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask },
        };
        if (settings.Credential is ClientCredentialsCredential) settings.LoginUrl = InstanceUrl;
        configure?.Invoke(settings);
        return new SalesforceClient(settings);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate) _requests.Add(request);
        if (request.RequestUri!.AbsolutePath == "/services/oauth2/token")
        {
            LastTokenRequestBody = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (_gate) TokenRequestBodies.Add(LastTokenRequestBody);
            var n = Interlocked.Increment(ref _tokenNumber);
            await Task.Delay(TokenDelay, cancellationToken);
            if (TokenAnswer != null)
            {
                var answer = TokenAnswer();
                var match = System.Text.RegularExpressions.Regex.Match(await answer.Content.ReadAsStringAsync(cancellationToken), "\"access_token\":\"([^\"]+)\"");
                if (answer.IsSuccessStatusCode && match.Success) CurrentToken = match.Groups[1].Value;
                return answer;
            }
            CurrentToken = "00D000000000001!AQ.token-number-" + n + "-abcdefghijkl";
            return Json(HttpStatusCode.OK, $$"""
                {"access_token":"{{CurrentToken}}","instance_url":"{{InstanceUrl}}","id":"https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA",
                 "token_type":"Bearer","issued_at":"1763726400000","signature":"x","scope":"api"}
                """);
        }
        var bearer = request.Headers.Authorization?.Parameter;
        if (RefuseAllTokens || bearer != CurrentToken)
            return Json(HttpStatusCode.Unauthorized, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");
        return Rest(request) ?? Json(HttpStatusCode.NotFound, """[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body, string? limitInfo = "api-usage=10/15000")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (limitInfo != null) response.Headers.TryAddWithoutValidation("Sforce-Limit-Info", limitInfo);
        return response;
    }

    /// <summary>A query page of users U{from}..U{to-1}.</summary>
    public static string UserPage(int totalSize, int from, int to, string? next)
    {
        var records = string.Join(",", Enumerable.Range(from, to - from).Select(i =>
            $$"""{"attributes":{"type":"User","url":"/x/{{i}}"},"Id":"005{{i:D15}}","Email":"u{{i}}@acme.com"}"""));
        var nextPart = next == null ? "" : $",\"nextRecordsUrl\":\"{next}\"";
        return $$"""{"totalSize":{{totalSize}},"done":{{(next == null ? "true" : "false")}}{{nextPart}},"records":[{{records}}]}""";
    }
}
