using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.Salesforce;

namespace LmsSync.Core.Tests.Sandbox.Sf;

/// <summary>
/// A running Sandbox seen the way a Salesforce client sees it: raw HTTP on 127.0.0.1 to the
/// instance host (<see cref="Main"/>) and the login host (<see cref="Login"/>), plus JWT minting
/// with the generated PFX. Deliberately independent of the product's Salesforce client.
/// </summary>
internal sealed class SfSandbox : IAsyncDisposable
{
    public const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string Version = "/services/data/v66.0";

    private readonly X509Certificate2 _signingCertificate;

    private SfSandbox(SandboxHost host)
    {
        Host = host;
        Emulator = host.Emulator<SalesforceEmulator>();
        Main = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        Login = new HttpClient { BaseAddress = new Uri(host.Context.LoginUrl) };
        _signingCertificate = X509CertificateLoader.LoadPkcs12FromFile(Emulator.Credentials.CertificatePath, Emulator.Credentials.CertificatePassword);
    }

    public SandboxHost Host { get; }
    public SalesforceEmulator Emulator { get; }
    public HttpClient Main { get; }
    public HttpClient Login { get; }

    public static async Task<SfSandbox> StartAsync(int users = 30, int seed = 1) =>
        new(await SandboxHost.StartAsync(new SandboxOptions { Users = users, Seed = seed }));

    /// <summary>A JWT bearer assertion signed with the Sandbox's certificate unless another key is given.</summary>
    public string Jwt(string? sub = null, string? aud = null, long? exp = null, string? iss = null, RSA? key = null, string alg = "RS256")
    {
        var header = Base64Url(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg }.ToJsonString()));
        var claims = new JsonObject
        {
            ["iss"] = iss ?? Emulator.Credentials.ClientId,
            ["sub"] = sub ?? Emulator.Credentials.Username,
            ["aud"] = aud ?? "https://login.salesforce.com",
            ["exp"] = exp ?? Emulator.Clock.UtcNow.AddMinutes(2).ToUnixTimeSeconds(),
        };
        var input = header + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        using var own = _signingCertificate.GetRSAPrivateKey()!;
        var signature = (key ?? own).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url(signature);
    }

    public async Task<(int Status, JsonObject Body)> TokenAsync(bool onLoginHost, params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await (onLoginHost ? Login : Main).PostAsync("/services/oauth2/token", content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    /// <summary>Signs in with the JWT bearer flow on the login host and returns the access token.</summary>
    public async Task<string> SignInAsync(string? username = null)
    {
        var (status, body) = await TokenAsync(true, ("grant_type", JwtGrant), ("assertion", Jwt(sub: username)));
        Assert.True(status == 200, body.ToJsonString());
        return (string)body["access_token"]!;
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token, int? batchSize = null, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (batchSize is { } size) request.Headers.TryAddWithoutValidation("Sforce-Query-Options", "batchSize=" + size);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return await Main.SendAsync(request);
    }

    public async Task<(int Status, JsonNode Body, HttpResponseMessage Response)> GetJsonAsync(string pathAndQuery, string? token, int? batchSize = null)
    {
        var response = await GetAsync(pathAndQuery, token, batchSize);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!, response);
    }

    public static string Query(string soql) => Version + "/query?q=" + Uri.EscapeDataString(soql);

    /// <summary>Asserts the REST error envelope: a one-element array of {message, errorCode}.</summary>
    public static string AssertError(JsonNode body, string errorCode)
    {
        var array = Assert.IsType<JsonArray>(body);
        var error = Assert.IsType<JsonObject>(Assert.Single(array));
        Assert.Equal(errorCode, (string?)error["errorCode"]);
        var message = (string?)error["message"];
        Assert.False(string.IsNullOrEmpty(message));
        return message!;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        Main.Dispose();
        Login.Dispose();
        _signingCertificate.Dispose();
        await Host.DisposeAsync();
    }
}
