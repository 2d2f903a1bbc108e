using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceQueryTests
{
    private const int Users = 650;
    private static readonly Regex NextRecordsUrl = new(@"^/services/data/v66\.0/query/(01g[0-9A-Za-z]{15})-([0-9]+)$");

    [Fact]
    public async Task Paging_with_short_pages_adds_up_to_totalSize_and_only_the_last_page_is_done()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        sf.Emulator.Configure(s => s with { ShortPages = true });
        var token = await sf.SignInAsync();

        var pages = await ReadAllPagesAsync(sf, token, "SELECT Id, Username, Manager.Email FROM User ORDER BY Id", batchSize: 200);

        Assert.True(pages.Count >= 4, $"only {pages.Count} pages");
        var totalSize = (int)pages[0]["totalSize"]!;
        Assert.Equal(Users, totalSize);
        Assert.Equal(totalSize, pages.Sum(p => p["records"]!.AsArray().Count));
        Assert.All(pages, p => Assert.Equal(totalSize, (int)p["totalSize"]!));
        Assert.All(pages.SkipLast(1), p => Assert.False((bool)p["done"]!));
        Assert.True((bool)pages[^1]["done"]!);
        Assert.False(pages[^1].AsObject().ContainsKey("nextRecordsUrl"));
        var sizes = pages.Select(p => p["records"]!.AsArray().Count).ToList();
        Assert.All(sizes, s => Assert.InRange(s, 1, 200));
        Assert.Contains(sizes.SkipLast(1), s => s < 200);

        // Each nextRecordsUrl names one locator and the offset of the next record.
        var seen = 0;
        string? locator = null;
        foreach (var page in pages.SkipLast(1))
        {
            seen += page["records"]!.AsArray().Count;
            var match = NextRecordsUrl.Match((string)page["nextRecordsUrl"]!);
            Assert.True(match.Success, (string?)page["nextRecordsUrl"]);
            Assert.Equal(seen, int.Parse(match.Groups[2].Value));
            locator ??= match.Groups[1].Value;
            Assert.Equal(locator, match.Groups[1].Value);
        }

        var ids = pages.SelectMany(p => p["records"]!.AsArray()).Select(r => (string)r!["Id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        var record = pages[0]["records"]![0]!;
        Assert.Equal("User", (string?)record["attributes"]!["type"]);
        Assert.Equal("/services/data/v66.0/sobjects/User/" + ids[0], (string?)record["attributes"]!["url"]);
    }

    [Fact]
    public async Task Short_pages_are_reproducible_from_the_seed()
    {
        async Task<List<int>> SizesAsync()
        {
            await using var sf = await SfSandbox.StartAsync(Users, seed: 7);
            sf.Emulator.Configure(s => s with { ShortPages = true });
            var token = await sf.SignInAsync();
            var pages = await ReadAllPagesAsync(sf, token, "SELECT Id FROM User", batchSize: 200);
            return pages.Select(p => p["records"]!.AsArray().Count).ToList();
        }

        Assert.Equal(await SizesAsync(), await SizesAsync());
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(100, 200)]
    [InlineData(200, 200)]
    [InlineData(333, 333)]
    public async Task The_batch_size_header_is_clamped_to_200_through_2000(int asked, int expectedFirstPage)
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();

        var (_, body, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, asked);
        // Without a header the default (2000) takes all 650 rows at once.
        var (_, unasked, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token);

        Assert.Equal(expectedFirstPage, body["records"]!.AsArray().Count);
        Assert.Equal(Users, unasked["records"]!.AsArray().Count);
        Assert.True((bool)unasked["done"]!);
    }

    [Fact]
    public async Task A_batch_size_above_2000_is_clamped_to_2000()
    {
        await using var sf = await SfSandbox.StartAsync(2100);
        var token = await sf.SignInAsync();

        var (_, big, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 5000);
        var (_, unasked, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token);

        Assert.Equal(2000, big["records"]!.AsArray().Count);
        Assert.Equal(2000, unasked["records"]!.AsArray().Count);
        Assert.EndsWith("-2000", (string)unasked["nextRecordsUrl"]!);
    }

    [Fact]
    public async Task The_eleventh_open_cursor_evicts_the_oldest_whose_locator_then_fails()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var next = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var (_, page, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);
            next.Add((string)page["nextRecordsUrl"]!);
        }

        var (evicted, body, _) = await sf.GetJsonAsync(next[0], token);
        var (kept, _, _) = await sf.GetJsonAsync(next[1], token);

        Assert.Equal(400, evicted);
        SfSandbox.AssertError(body, "INVALID_QUERY_LOCATOR");
        Assert.Equal(200, kept);
    }

    [Fact]
    public async Task A_locator_is_only_good_for_its_owner_and_within_the_result()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var other = sf.Emulator.IssueAccessToken(sf.Emulator.Org.Rows("User").Select(r => (string)r["Username"]!).ElementAt(5)).AccessToken;
        var (_, page, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);
        var url = (string)page["nextRecordsUrl"]!;
        var locator = url.Substring(0, url.LastIndexOf('-'));

        foreach (var (path, who) in new[] { (url, other), (locator + "-650", token), (locator + "-0", token), (SfSandbox.Version + "/query/01gNOTALOCATOR", token) })
        {
            var (status, body, _) = await sf.GetJsonAsync(path, who);
            Assert.Equal(400, status);
            SfSandbox.AssertError(body, "INVALID_QUERY_LOCATOR");
        }
        var (ok, _, _) = await sf.GetJsonAsync(locator + "-649", token);
        Assert.Equal(200, ok);
    }

    [Fact]
    public async Task Revoking_tokens_after_two_pages_makes_the_third_page_401()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        using var admin = await sf.Main.PostAsync("/__admin/salesforce/revoke-tokens", new StringContent("{\"afterPages\":2}"));
        Assert.Equal(200, (int)admin.StatusCode);

        var (first, page1, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);
        var (second, page2, _) = await sf.GetJsonAsync((string)page1["nextRecordsUrl"]!, token);
        var (third, body, _) = await sf.GetJsonAsync((string)page2["nextRecordsUrl"]!, token);

        Assert.Equal((200, 200, 401), (first, second, third));
        SfSandbox.AssertError(body, "INVALID_SESSION_ID");

        // A new session picks up where the old one stopped: the cursor belongs to the user, not the token.
        var again = await sf.SignInAsync();
        var (resumed, _, _) = await sf.GetJsonAsync((string)page2["nextRecordsUrl"]!, again);
        Assert.Equal(200, resumed);
    }

    [Fact]
    public async Task A_token_that_expires_mid_paging_gets_401_on_the_next_page()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        sf.Emulator.Configure(s => s with { TokenLifetime = TimeSpan.FromMinutes(5) });
        var token = await sf.SignInAsync();
        var (_, page1, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User"), token, 200);
        sf.Host.Context.Clock.Advance(TimeSpan.FromMinutes(6));

        var (status, body, _) = await sf.GetJsonAsync((string)page1["nextRecordsUrl"]!, token);

        Assert.Equal(401, status);
        SfSandbox.AssertError(body, "INVALID_SESSION_ID");
    }

    [Fact]
    public async Task Count_returns_totalSize_and_no_records()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT COUNT() FROM User"), token);
        Assert.Equal(200, status);
        Assert.Equal(Users, (int)body["totalSize"]!);
        Assert.True((bool)body["done"]!);
        Assert.Empty(body["records"]!.AsArray());
    }

    [Fact]
    public async Task No_matching_rows_is_an_empty_done_page()
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var (_, body, _) = await sf.GetJsonAsync(SfSandbox.Query("SELECT Id FROM User WHERE Username = 'nobody@example.com'"), token);
        Assert.Equal("{\"totalSize\":0,\"done\":true,\"records\":[]}", body.ToJsonString());
    }

    [Theory]
    [InlineData("SELECT Id, Nope__c FROM User", "INVALID_FIELD")]
    [InlineData("SELEC Id FROM User", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Nope", "INVALID_TYPE")]
    [InlineData("", "MALFORMED_QUERY")]
    public async Task Bad_soql_is_400_with_the_documented_error_code(string soql, string errorCode)
    {
        await using var sf = await SfSandbox.StartAsync();
        var token = await sf.SignInAsync();
        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Query(soql), token);
        Assert.Equal(400, status);
        SfSandbox.AssertError(body, errorCode);
    }

    [Fact]
    public async Task QueryAll_pages_through_the_query_locator_path()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var (status, body, _) = await sf.GetJsonAsync(SfSandbox.Version + "/queryAll?q=" + Uri.EscapeDataString("SELECT Id FROM User"), token, 200);
        Assert.Equal(200, status);
        Assert.Matches(NextRecordsUrl, (string)body["nextRecordsUrl"]!);
    }

    [Fact]
    public async Task A_client_that_accepts_gzip_gets_a_gzipped_page_with_the_same_json()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        using var plain = await sf.GetAsync(SfSandbox.Query("SELECT Id, Email FROM User ORDER BY Id"), token);
        using var zipped = await sf.GetAsync(SfSandbox.Query("SELECT Id, Email FROM User ORDER BY Id"), token, gzip: true);

        Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        await using var gunzip = new GZipStream(await zipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gunzip);
        var unzipped = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var direct = JsonNode.Parse(await plain.Content.ReadAsStringAsync())!;
        Assert.Equal(direct["records"]!.ToJsonString(), unzipped["records"]!.ToJsonString());
    }

    internal static async Task<List<JsonNode>> ReadAllPagesAsync(SfSandbox sf, string token, string soql, int? batchSize)
    {
        var pages = new List<JsonNode>();
        var (status, page, _) = await sf.GetJsonAsync(SfSandbox.Query(soql), token, batchSize);
        Assert.Equal(200, status);
        pages.Add(page);
        while (!(bool)page["done"]!)
        {
            Assert.True(pages.Count < 1000, "paging does not end");
            (status, page, _) = await sf.GetJsonAsync((string)page["nextRecordsUrl"]!, token);
            Assert.Equal(200, status);
            pages.Add(page);
        }
        return pages;
    }
}
