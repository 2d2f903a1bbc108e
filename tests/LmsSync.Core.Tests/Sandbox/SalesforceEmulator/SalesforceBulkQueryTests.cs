using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Core.Tests.Sandbox.Sf;

/// <summary>Bulk API 2.0 query on the wire (salesforce-api.md §5): job states, CSV, locators, gzip, errors.</summary>
public class SalesforceBulkQueryTests
{
    private const int Users = 650;
    private const string Jobs = SfSandbox.Version + "/jobs/query";

    private static async Task<(int Status, JsonNode? Body)> SendAsync(SfSandbox sf, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await sf.Main.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static async Task<string> CreateAsync(SfSandbox sf, string token, string soql, string delimiter = "COMMA", string lineEnding = "LF")
    {
        var (status, job) = await SendAsync(sf, HttpMethod.Post, Jobs, token, new { operation = "query", query = soql, contentType = "CSV", columnDelimiter = delimiter, lineEnding });
        Assert.True(status == 200, job?.ToJsonString());
        return (string)job!["id"]!;
    }

    private static async Task<string> CompleteAsync(SfSandbox sf, string token, string soql, string delimiter = "COMMA", string lineEnding = "LF")
    {
        var id = await CreateAsync(sf, token, soql, delimiter, lineEnding);
        for (var i = 0; i < 2; i++) await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);
        return id;
    }

    private static async Task<HttpResponseMessage> ResultsAsync(SfSandbox sf, string token, string id, string query = "", bool gzip = false) =>
        await sf.GetAsync(Jobs + "/" + id + "/results" + query, token, gzip: gzip);

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Fact]
    public async Task A_job_moves_one_state_per_status_poll_and_its_results_wait_for_JobComplete()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        // However slow this machine, the polls below come before the job's run time is over.
        sf.Emulator.Configure(s => s with { BulkJobRunTime = TimeSpan.FromHours(1) });
        var token = await sf.SignInAsync();

        var (created, job) = await SendAsync(sf, HttpMethod.Post, Jobs, token, new { operation = "query", query = "SELECT Id, Email FROM User", contentType = "CSV", columnDelimiter = "COMMA", lineEnding = "LF" });
        var id = (string)job!["id"]!;
        using var early = await ResultsAsync(sf, token, id);
        var (_, first) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);
        var (_, second) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);
        var (_, list) = await SendAsync(sf, HttpMethod.Get, Jobs, token);
        var (deleted, _) = await SendAsync(sf, HttpMethod.Delete, Jobs + "/" + id, token);
        var (gone, goneBody) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);

        Assert.Equal(200, created);
        Assert.StartsWith("750", id);
        Assert.Equal(18, id.Length);
        Assert.Equal("UploadComplete", (string?)job["state"]);
        Assert.Equal("User", (string?)job["object"]);
        Assert.Equal(66.0m, (decimal)job["apiVersion"]!);
        Assert.Equal(400, (int)early.StatusCode);
        SfSandbox.AssertError(JsonNode.Parse(await early.Content.ReadAsStringAsync())!, "JOB_NOT_COMPLETE");
        Assert.Equal("InProgress", (string?)first!["state"]);
        Assert.Equal("JobComplete", (string?)second!["state"]);
        Assert.Equal("V2Query", (string?)second["jobType"]);
        Assert.Equal(Users, (int)second["numberRecordsProcessed"]!);
        Assert.Contains(list!["records"]!.AsArray(), j => (string?)j!["id"] == id);
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
        SfSandbox.AssertError(goneBody!, "NOT_FOUND");
    }

    [Fact]
    public async Task A_status_read_after_the_jobs_run_time_finds_it_complete_at_once()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        sf.Emulator.Configure(s => s with { BulkJobRunTime = TimeSpan.FromMinutes(5) });
        var token = await sf.SignInAsync();
        var id = await CreateAsync(sf, token, "SELECT Id FROM User");

        sf.Emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, status) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);

        Assert.Equal("JobComplete", (string?)status!["state"]);
        Assert.Equal(Users, (int)status["numberRecordsProcessed"]!);
    }

    [Fact]
    public async Task The_result_is_the_org_when_the_job_completed()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var user = sf.Emulator.Org.Rows("User", false).First();
        var id = await CreateAsync(sf, token, $"SELECT Id, Title FROM User WHERE Id = '{user.Id}'");
        sf.Emulator.UpdateUser(user.Id, new Dictionary<string, object?> { ["Title"] = "Changed after create" });
        for (var i = 0; i < 2; i++) await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, token);

        using var page = await ResultsAsync(sf, token, id);

        Assert.Contains("\"Changed after create\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csv_quotes_every_value_escapes_quotes_keeps_commas_newlines_and_unicode_and_writes_null_as_empty()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var user = sf.Emulator.Org.Rows("User", false).First();
        sf.Emulator.UpdateUser(user.Id, new Dictionary<string, object?>
        {
            ["Title"] = "Sales, \"EMEA\"\nLead",
            ["Department"] = "Zürich 東京 ✓",
            ["Division"] = null,
            ["ManagerId"] = null,
            ["Hire_Date__c"] = new DateTime(2024, 2, 29),
        });
        var stamp = (DateTimeOffset)sf.Emulator.Org.Get(user.Id)!["SystemModstamp"]!;
        var id = await CompleteAsync(sf, token, $"SELECT Id, title, Department, Division, IsActive, SystemModstamp, Hire_Date__c, Manager.Email FROM User WHERE Id = '{user.Id}'");

        using var page = await ResultsAsync(sf, token, id);
        var csv = Encoding.UTF8.GetString(await page.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            "\"Id\",\"Title\",\"Department\",\"Division\",\"IsActive\",\"SystemModstamp\",\"Hire_Date__c\",\"Manager.Email\"\n" +
            $"\"{user.Id}\",\"Sales, \"\"EMEA\"\"\nLead\",\"Zürich 東京 ✓\",,\"true\",\"{stamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff}Z\",\"2024-02-29\",\n",
            csv);
        Assert.Equal("1", Header(page, "Sforce-NumberOfRecords"));
        Assert.Equal("null", Header(page, "Sforce-Locator"));
    }

    [Fact]
    public async Task Other_delimiters_and_CRLF_are_honoured()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var id = await CompleteAsync(sf, token, "SELECT Id, IsActive FROM User LIMIT 2", "TAB", "CRLF");

        using var page = await ResultsAsync(sf, token, id);
        var lines = (await page.Content.ReadAsStringAsync()).Split("\r\n");

        Assert.Equal("\"Id\"\t\"IsActive\"", lines[0]);
        Assert.Equal(4, lines.Length); // header, two rows, and the empty rest after the last CRLF
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task Pages_follow_locators_up_to_maxRecords_rows_and_a_locator_can_be_fetched_again()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var id = await CompleteAsync(sf, token, "SELECT Id FROM User");

        var sizes = new List<int>();
        var ids = new List<string>();
        var locators = new List<string>();
        string? locator = null;
        do
        {
            using var page = await ResultsAsync(sf, token, id, "?maxRecords=200" + (locator is null ? "" : "&locator=" + locator));
            Assert.Equal(200, (int)page.StatusCode);
            var lines = (await page.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("\"Id\"", lines[0]);
            sizes.Add(int.Parse(Header(page, "Sforce-NumberOfRecords")));
            Assert.Equal(sizes[^1], lines.Length - 1);
            ids.AddRange(lines.Skip(1));
            locator = Header(page, "Sforce-Locator");
            locators.Add(locator);
        }
        while (locator != "null");
        using var again = await ResultsAsync(sf, token, id, "?maxRecords=200&locator=" + locators[0]);
        using var bad = await ResultsAsync(sf, token, id, "?locator=bm9wZQ");

        Assert.Equal(new[] { 200, 200, 200, 50 }, sizes);
        Assert.Equal(Users, ids.Distinct().Count());
        Assert.Equal(ids.Skip(200).Take(200), (await again.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Equal(400, (int)bad.StatusCode);
    }

    [Fact]
    public async Task Results_are_gzipped_when_the_client_asks_and_plain_otherwise()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var id = await CompleteAsync(sf, token, "SELECT Id, Email, Department FROM User");

        using var zipped = await ResultsAsync(sf, token, id, gzip: true);
        using var plain = await ResultsAsync(sf, token, id);
        var compressed = await zipped.Content.ReadAsByteArrayAsync();
        var expected = await plain.Content.ReadAsByteArrayAsync();
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await unzip.CopyToAsync(inflated);

        Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(expected, inflated.ToArray());
        Assert.True(compressed.Length < expected.Length / 2, $"{compressed.Length} of {expected.Length} bytes");
    }

    /// <summary>Every page of a completed job, as received (still gzipped when asked so).</summary>
    private static async Task<List<byte[]>> PagesAsync(SfSandbox sf, string token, string id, bool gzip)
    {
        var pages = new List<byte[]>();
        string? locator = null;
        do
        {
            using var page = await ResultsAsync(sf, token, id, "?maxRecords=200" + (locator is null ? "" : "&locator=" + locator), gzip);
            Assert.Equal(200, (int)page.StatusCode);
            Assert.Equal(gzip ? new[] { "gzip" } : Array.Empty<string>(), page.Content.Headers.ContentEncoding);
            pages.Add(await page.Content.ReadAsByteArrayAsync());
            locator = Header(page, "Sforce-Locator");
        }
        while (locator != "null");
        return pages;
    }

    /// <summary>The job's pages made afresh by the CSV writer, with nothing kept to send again.</summary>
    private static async Task<List<byte[]>> FreshPagesAsync(SfSandbox sf, string id, bool gzip)
    {
        var job = sf.Emulator.BulkJobs.Find(id)!;
        var pages = new List<byte[]>();
        for (var offset = 0; offset < job.Result!.RowCount; offset += 200)
        {
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            if (gzip) http.Request.Headers.AcceptEncoding = "gzip";
            using var body = new MemoryStream();
            http.Response.Body = body;
            await LmsSync.Sandbox.Salesforce.Bulk.CsvPageWriter.WriteAsync(http, job, job.Result, offset, Math.Min(offset + 200, job.Result.RowCount), new LmsSync.Sandbox.Salesforce.Bulk.BulkPageCache());
            pages.Add(body.ToArray());
        }
        return pages;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_later_job_over_the_same_rows_gets_the_pages_sent_before_and_after_a_write_pages_made_afresh(bool gzip)
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        const string soql = "SELECT Id, Title, Email, Manager.Email, SystemModstamp FROM User ORDER BY Id";
        var rows = sf.Emulator.Org.Rows("User", false).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        int Page(string id) => rows.FindIndex(r => r.Id == id) / 200;
        // A user on one of the first pages whose manager is on another page.
        var managed = Enumerable.Range(0, 600).First(i => rows[i]["ManagerId"] is string m && Page(m) != i / 200);
        var first = await PagesAsync(sf, token, await CompleteAsync(sf, token, soql), gzip);
        var again = await PagesAsync(sf, token, await CompleteAsync(sf, token, soql), gzip);

        // A manager's new email changes the Manager.Email of the users under them (their rows stay the same objects),
        // and a title changes one row on the last page.
        var manager = (string)rows[managed]["ManagerId"]!;
        sf.Emulator.UpdateUser(manager, new Dictionary<string, object?> { ["Email"] = "moved.manager@acme.example" });
        sf.Emulator.UpdateUser(rows[^1].Id, new Dictionary<string, object?> { ["Title"] = "Changed \"title\", quoted" });
        var changedId = await CompleteAsync(sf, token, soql);
        var changed = await PagesAsync(sf, token, changedId, gzip);
        var fresh = await FreshPagesAsync(sf, changedId, gzip);

        Assert.Equal(4, first.Count);
        Assert.Equal(first, again);
        Assert.Equal(fresh, changed);
        Assert.NotEqual(first[managed / 200], changed[managed / 200]);
        Assert.NotEqual(first[^1], changed[^1]);
        var text = Encoding.UTF8.GetString(gzip ? Inflate(changed[managed / 200]) : changed[managed / 200]);
        Assert.Contains($"\"{rows[managed].Id}\"", text);
        Assert.Contains("\"moved.manager@acme.example\"", text);
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        unzip.CopyTo(inflated);
        return inflated.ToArray();
    }

    [Theory]
    [InlineData("SELECT COUNT() FROM User", "INVALIDJOB")]
    [InlineData("SELECT Id FROM User LIMIT 5 OFFSET 5", "INVALIDJOB")]
    [InlineData("SELECT Id FROM User GROUP BY Id", "MALFORMED_QUERY")]
    [InlineData("SELECT Id, (SELECT Id FROM Contacts) FROM Account", "MALFORMED_QUERY")]
    [InlineData("SELECT Nope FROM User", "INVALID_FIELD")]
    public async Task Queries_bulk_cannot_run_are_refused_with_the_error_envelope(string soql, string errorCode)
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();

        var (status, body) = await SendAsync(sf, HttpMethod.Post, Jobs, token, new { operation = "query", query = soql });

        Assert.Equal(400, status);
        SfSandbox.AssertError(body!, errorCode);
        Assert.Empty(sf.Emulator.BulkJobs.All());
    }

    [Fact]
    public async Task Jobs_are_guarded_like_every_REST_call_and_answer_in_the_error_envelope()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        var id = await CompleteAsync(sf, token, "SELECT Id FROM User");

        var (anonymous, anonymousBody) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + id, null);
        var (unknown, unknownBody) = await SendAsync(sf, HttpMethod.Get, Jobs + "/750000000000000AAA", token);
        var (otherVersion, otherBody) = await SendAsync(sf, HttpMethod.Get, "/services/data/v65.0/jobs/query/" + id + "/results", token);
        var (notAllowed, _) = await SendAsync(sf, HttpMethod.Put, Jobs + "/" + id, token, "{}");
        var (badBody, badBodyJson) = await SendAsync(sf, HttpMethod.Post, Jobs, token, "{\"operation\":\"upsert\",\"query\":\"SELECT Id FROM User\"}");

        Assert.Equal(401, anonymous);
        SfSandbox.AssertError(anonymousBody!, "INVALID_SESSION_ID");
        Assert.Equal(404, unknown);
        SfSandbox.AssertError(unknownBody!, "NOT_FOUND");
        Assert.Equal(409, otherVersion);
        SfSandbox.AssertError(otherBody!, "API_VERSION_MISMATCH");
        Assert.Equal(405, notAllowed);
        Assert.Equal(400, badBody);
        SfSandbox.AssertError(badBodyJson!, "INVALIDJOB");
    }

    [Fact]
    public async Task A_job_set_to_fail_ends_Failed_with_its_message_and_a_running_job_can_be_aborted_once()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        sf.Emulator.Configure(s => s with { BulkQueryFailure = "Retried more than 15 times" });
        var failing = await CompleteAsync(sf, token, "SELECT Id FROM User");
        var (_, failed) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + failing, token);
        using var failedResults = await ResultsAsync(sf, token, failing);
        sf.Emulator.Configure(s => s with { BulkQueryFailure = null });

        var running = await CreateAsync(sf, token, "SELECT Id FROM User");
        var (aborted, abortedJob) = await SendAsync(sf, HttpMethod.Patch, Jobs + "/" + running, token, new { state = "Aborted" });
        var (again, againBody) = await SendAsync(sf, HttpMethod.Patch, Jobs + "/" + running, token, new { state = "Aborted" });
        var (_, status) = await SendAsync(sf, HttpMethod.Get, Jobs + "/" + running, token);

        Assert.Equal("Failed", (string?)failed!["state"]);
        Assert.Equal("Retried more than 15 times", (string?)failed["errorMessage"]);
        Assert.Equal(400, (int)failedResults.StatusCode);
        Assert.Equal(200, aborted);
        Assert.Equal("Aborted", (string?)abortedJob!["state"]);
        Assert.Equal(400, again);
        SfSandbox.AssertError(againBody!, "INVALIDJOBSTATE");
        Assert.Equal("Aborted", (string?)status!["state"]);
    }

    [Fact]
    public async Task Limits_count_the_query_jobs_created()
    {
        await using var sf = await SfSandbox.StartAsync(Users);
        var token = await sf.SignInAsync();
        await CreateAsync(sf, token, "SELECT Id FROM User");
        await CreateAsync(sf, token, "SELECT Id FROM User");

        var (_, limits, _) = await sf.GetJsonAsync(SfSandbox.Version + "/limits", token);

        Assert.Equal(10_000, (int)limits["DailyBulkV2QueryJobs"]!["Max"]!);
        Assert.Equal(9_998, (int)limits["DailyBulkV2QueryJobs"]!["Remaining"]!);
    }
}
