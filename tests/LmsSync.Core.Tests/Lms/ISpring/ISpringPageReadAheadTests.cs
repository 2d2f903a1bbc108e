using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// The read-ahead takes the next page's token from the received body, so the next request is out before the current
/// page's items are parsed (not only before they are handed out), and without read-ahead a lookup costs one request.
/// Observed through a fake handler that serves pages by token and logs what it is asked, in order.
/// </summary>
public sealed class ISpringPageReadAheadTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private sealed class PageHandler : HttpMessageHandler
    {
        private readonly IReadOnlyDictionary<string, string> _pages;

        public PageHandler(IReadOnlyDictionary<string, string> pages) => _pages = pages;

        public List<string> Requested { get; } = new();

        /// <summary>Set when a page other than the first is asked for.</summary>
        public ManualResetEventSlim NextRequested { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.RequestUri!.Query.Split("pageToken=").ElementAtOrDefault(1) ?? "";
            lock (Requested) Requested.Add(token);
            if (token != "") NextRequested.Set();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_pages[token], Encoding.UTF8, "application/json") });
        }
    }

    private static ISpringPageReader<string> Reader(ISpringHttp http, Func<string, string> readId) =>
        new((token, ct) => http.GetPageAsync("/items?pageSize=2" + (token == null ? "" : "&pageToken=" + token), "items",
            r => readId((string)JObject.Load(r)["id"]!), ct));

    private static ISpringHttp Http(PageHandler handler) => new(new HttpClient(handler), new Uri("https://lms.example/"));

    [Fact]
    public async Task The_next_page_is_requested_before_the_current_page_is_parsed()
    {
        // The token comes after the items, as iSpring sends it.
        var handler = new PageHandler(new Dictionary<string, string>
        {
            [""] = "{\"items\":[{\"id\":\"a\"},{\"id\":\"b\",\"note\":\"\\\"nextPageToken\\\":\\\"x\\\"\"}],\"nextPageToken\":\"t1\"}",
            ["t1"] = "{\"items\":[{\"id\":\"c\"}],\"nextPageToken\":null}",
        });
        using var http = Http(handler);
        var nextWasOutWhenParsing = new List<(string Id, bool Out)>();
        var reader = Reader(http, id =>
        {
            // Waits for the read-ahead rather than assuming it is synchronous; a reader that parses first never gets it.
            lock (nextWasOutWhenParsing) nextWasOutWhenParsing.Add((id, id == "c" || handler.NextRequested.Wait(Guard)));
            return id;
        });
        reader.ReadAhead = true;

        var first = await reader.ReadPageAsync();
        var second = await reader.ReadPageAsync();

        Assert.Equal(new[] { "a", "b" }, first);
        Assert.Equal(new[] { "c" }, second);
        Assert.Null(await reader.ReadPageAsync());
        Assert.Equal(new[] { ("a", true), ("b", true), ("c", true) }, nextWasOutWhenParsing);
        Assert.Equal(new[] { "", "t1" }, handler.Requested);
    }

    [Fact]
    public async Task Without_read_ahead_a_first_page_costs_one_request()
    {
        var handler = new PageHandler(new Dictionary<string, string>
        {
            [""] = "{\"nextPageToken\":\"t1\",\"items\":[{\"id\":\"a\"}]}",
            ["t1"] = "{\"items\":[{\"id\":\"b\"}]}",
        });
        using var http = Http(handler);
        var reader = Reader(http, id => id);

        Assert.Equal(new[] { "a" }, await reader.ReadPageAsync());
        Assert.Equal(new[] { "" }, handler.Requested);
        Assert.Equal(new[] { "b" }, await reader.ReadPageAsync());
        Assert.Equal(new[] { "", "t1" }, handler.Requested);
    }
}
