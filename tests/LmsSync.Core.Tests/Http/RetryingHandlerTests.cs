using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Core.Tests.Http;

/// <summary>The shared retry layer, over real HTTP against the Sandbox's fault injection.</summary>
public sealed class RetryingHandlerTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private readonly List<TimeSpan> _waits = new();
    private readonly List<RetryEvent> _events = new();

    public async Task InitializeAsync() => _host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Client(Action<RetryPolicy>? configure = null)
    {
        var policy = new RetryPolicy
        {
            Delay = (wait, _) => { lock (_waits) _waits.Add(wait); return Task.CompletedTask; },
            OnRetry = e => { lock (_events) _events.Add(e); },
        };
        configure?.Invoke(policy);
        return new HttpClient(new RetryingHandler(policy, new HttpClientHandler())) { BaseAddress = new Uri(_host.BaseUrl) };
    }

    private int Calls(string path) => _host.Context.Requests.Since(0).Count(r => r.Path.StartsWith(path, StringComparison.Ordinal));

    [Fact]
    public async Task A_503_storm_on_a_GET_is_retried_until_the_real_answer()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", Times = 2, StatusCode = 503, Body = "<html>busy</html>", ContentType = "text/html" });
        using var client = Client();

        using var response = await client.GetAsync("/probe?q=secret-looking");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(3, Calls("/probe"));
        Assert.Equal(2, _events.Count);
        Assert.All(_events, e => Assert.Equal("/probe", e.Path));
        Assert.DoesNotContain(_events, e => e.ToString().Contains("secret-looking"));
    }

    [Fact]
    public async Task Retry_After_seconds_are_waited_exactly()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", Times = 1, StatusCode = 429, Headers = { ["Retry-After"] = "3" } });
        using var client = Client();

        using var _ = await client.GetAsync("/probe");

        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, _waits);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_is_returned_not_waited()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", StatusCode = 429, Headers = { ["Retry-After"] = "3600" } });
        using var client = Client();

        using var response = await client.GetAsync("/probe");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_plain_POST_is_never_sent_twice_but_one_marked_safe_is()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/write", StatusCode = 503 });
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/read", Times = 1, StatusCode = 503 });
        using var client = Client();

        using var write = await client.PostAsync("/write", new StringContent("x"));
        using var readRequest = new HttpRequestMessage(HttpMethod.Post, "/read") { Content = new StringContent("body-bytes") }.MarkSafeToRetry();
        using var read = await client.SendAsync(readRequest);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        Assert.Equal(1, Calls("/write"));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(2, Calls("/read"));
    }

    [Fact]
    public async Task A_POST_refused_with_429_is_sent_again_after_Retry_After()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/create", Times = 1, StatusCode = 429, Headers = { ["Retry-After"] = "2" } });
        using var client = Client();

        using var response = await client.PostAsync("/create", new StringContent("{\"name\":\"Ann\"}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, Calls("/create"));
        Assert.Equal(new[] { TimeSpan.FromSeconds(2) }, _waits);
    }

    [Fact]
    public async Task Tries_run_out_with_the_last_answer()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", StatusCode = 502 });
        using var client = Client(p => p.MaxAttempts = 3);

        using var response = await client.GetAsync("/probe");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, Calls("/probe"));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_on_a_read()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", Times = 1, Kind = FaultKind.DropConnection });
        using var client = Client();

        using var response = await client.GetAsync("/probe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(_events, e => e.Reason.StartsWith("connection failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_attempt_and_says_so()
    {
        _host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", Kind = FaultKind.None, DelayMs = 2000 });
        using var client = Client(p => { p.AttemptTimeout = TimeSpan.FromMilliseconds(150); p.MaxAttempts = 2; });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync("/probe"));

        Assert.Contains("GET /probe timed out", error.Message);
        Assert.Contains("2 tries", error.Message);
    }

    [Theory]
    [InlineData("https://acme.my.salesforce.com", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://acme.skyprepapp.com", false)]
    [InlineData("ftp://acme.example.com", false)]
    [InlineData("acme.example.com", false)]
    public void Plain_http_is_refused_except_to_this_machine(string url, bool allowed)
    {
        if (allowed) Assert.NotNull(EndpointGuard.RequireSecure(url, "LMS URL"));
        else Assert.Contains("LMS URL", Assert.Throws<ArgumentException>(() => EndpointGuard.RequireSecure(url, "LMS URL")).Message);
    }
}
