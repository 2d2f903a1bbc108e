using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Hosting;

namespace LmsSync.Core.Tests.Sandbox;

public class SandboxHostTests
{
    [Fact]
    public async Task Listens_on_two_loopback_ports_and_writes_the_info_file_once_listening()
    {
        var info = Path.Combine(Path.GetTempPath(), "lmssync-test-" + Guid.NewGuid().ToString("N"), "sandbox.json");
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10, InfoPath = info });

        Assert.StartsWith("http://127.0.0.1:", host.BaseUrl);
        Assert.NotEqual(host.Context.Port, host.Context.LoginPort);
        var written = JsonNode.Parse(File.ReadAllText(info))!;
        Assert.Equal(host.BaseUrl, (string?)written["baseUrl"]);
        Directory.Delete(Path.GetDirectoryName(info)!, recursive: true);
    }

    [Fact]
    public async Task A_fault_rule_answers_after_SkipFirst_for_Times_requests_then_retires()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });
        host.Context.Faults.Add(new FaultRule
        {
            PathPattern = "^/probe", SkipFirst = 1, Times = 2, StatusCode = 503,
            Body = "{\"message\":\"busy\"}", Headers = { ["Retry-After"] = "7" },
        });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        var statuses = new int[4];
        string? retryAfter = null;
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync("/probe");
            statuses[i] = (int)response.StatusCode;
            if (i == 1) retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString();
        }

        Assert.Equal(new[] { 404, 503, 503, 404 }, statuses);
        Assert.Equal("7", retryAfter);
        Assert.Empty(host.Context.Faults.Rules);
        Assert.Equal(4, host.Context.Requests.Since(0).Count(r => r.Path == "/probe"));
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_client_call()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });
        host.Context.Faults.Add(new FaultRule { PathPattern = "^/probe", Kind = FaultKind.DropConnection });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/probe"));
    }

    [Fact]
    public async Task The_clock_can_be_moved_through_the_admin_api()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var before = host.Context.Clock.UtcNow;

        using var response = await http.PostAsync("/__admin/clock", new StringContent("{\"advanceSeconds\":3600}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange((host.Context.Clock.UtcNow - before).TotalMinutes, 59.9, 61);
    }

    [Theory]
    [InlineData(new[] { "--port", "0", "--users", "500", "--seed", "1", "--info", "sandbox.json" }, 500, 1, "sandbox.json")]
    [InlineData(new string[0], 500, 1, null)]
    public void Arguments_parse(string[] args, int users, int seed, string? info)
    {
        var options = LmsSync.Sandbox.Program.ParseArguments(args);
        Assert.Equal(users, options.Users);
        Assert.Equal(seed, options.Seed);
        Assert.Equal(info, options.InfoPath);
    }

    [Theory]
    [InlineData("--users", "5")]
    [InlineData("--port", "x")]
    [InlineData("--bogus", "1")]
    public void Bad_arguments_say_what_is_wrong(string name, string value)
    {
        Assert.Throws<ArgumentException>(() =>
        {
            var o = LmsSync.Sandbox.Program.ParseArguments(new[] { name, value });
            o.Validate();
        });
    }
}
