using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>The client's decisions under exact control of the network (see <see cref="FakeSalesforce"/>).</summary>
public class SalesforceClientBehaviourTests
{
    private static async Task<List<SalesforceRecord>> ReadAll(SalesforceQueryReader reader)
    {
        var all = new List<SalesforceRecord>();
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) all.AddRange(page);
        return all;
    }

    private static FakeSalesforce ThreePages()
    {
        var fake = new FakeSalesforce();
        fake.Rest = request => request.RequestUri!.AbsolutePath switch
        {
            "/services/data/v66.0/query" => FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(5, 0, 2, "/services/data/v66.0/query/01gA-2")),
            "/services/data/v66.0/query/01gA-2" => FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(5, 2, 4, "/services/data/v66.0/query/01gA-4")),
            "/services/data/v66.0/query/01gA-4" => FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(5, 4, 5, null), "api-usage=42/15000"),
            _ => null,
        };
        return fake;
    }

    [Fact]
    public async Task Pages_are_read_one_at_a_time_at_the_instance_url_with_batch_size_and_client_headers()
    {
        var fake = ThreePages();
        using var client = fake.Client(configure: s => s.BatchSize = 200);

        var reader = await client.QueryAsync("SELECT Id, Email FROM User");
        Assert.Equal(1, fake.Requests.Count(r => r.RequestUri!.AbsolutePath.StartsWith("/services/data")));
        var users = await ReadAll(reader);

        Assert.Equal(5, users.Count);
        Assert.Equal(3, reader.PagesRead);
        Assert.True(reader.IsComplete);
        var rest = fake.Requests.Where(r => r.RequestUri!.AbsolutePath.StartsWith("/services/data")).ToList();
        Assert.All(rest, r => Assert.Equal("acme.my.salesforce.com", r.RequestUri!.Host));
        Assert.All(rest, r => Assert.Equal("batchSize=200", r.Headers.GetValues("Sforce-Query-Options").Single()));
        Assert.All(rest, r => Assert.Equal("client=LmsSync", r.Headers.GetValues("Sforce-Call-Options").Single()));
        Assert.Equal(42, client.ApiUsage!.Used);
    }

    [Fact]
    public async Task Query_all_uses_the_queryAll_resource_and_escapes_the_soql()
    {
        var fake = new FakeSalesforce();
        fake.Rest = r => r.RequestUri!.AbsolutePath == "/services/data/v66.0/queryAll" ? FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(1, 0, 1, null)) : null;
        using var client = fake.Client();

        var reader = await client.QueryAsync("SELECT Id FROM Contact WHERE SystemModstamp > 2026-01-01T00:00:00+01:00", new SalesforceQueryOptions { IncludeDeleted = true });

        Assert.Single(await ReadAll(reader));
        var query = fake.Requests.Last().RequestUri!.Query;
        Assert.Contains("%2B01%3A00", query);
    }

    [Fact]
    public async Task Several_concurrent_calls_finding_the_session_expired_share_one_sign_in_and_all_succeed()
    {
        var fake = ThreePages();
        fake.TokenDelay = TimeSpan.FromMilliseconds(200);
        using var client = fake.Client();
        await client.QueryAsync("SELECT Id, Email FROM User");
        Assert.Equal(1, fake.TokenCalls);

        fake.ExpireSession();
        var readers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.QueryAsync("SELECT Id, Email FROM User"))));
        var counts = await Task.WhenAll(readers.Select(ReadAll));

        Assert.Equal(2, fake.TokenCalls);
        Assert.Equal(2, client.SignInCount);
        Assert.All(counts, c => Assert.Equal(5, c.Count));
    }

    [Fact]
    public async Task A_401_in_the_middle_of_paging_signs_in_again_and_continues_the_same_cursor()
    {
        var fake = ThreePages();
        using var client = fake.Client();
        var reader = await client.QueryAsync("SELECT Id, Email FROM User");
        await reader.ReadPageAsync();

        fake.ExpireSession();
        var rest = new List<SalesforceRecord>();
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) rest.AddRange(page);

        Assert.Equal(3, rest.Count);
        Assert.True(reader.IsComplete);
        Assert.Equal(2, fake.TokenCalls);
    }

    [Fact]
    public async Task A_second_401_right_after_signing_in_again_is_an_authentication_error()
    {
        var fake = ThreePages();
        using var client = fake.Client();
        await client.ConnectAsync().ContinueWith(_ => { });
        fake.RefuseAllTokens = true;

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("freshly signed-in session", error.Message);
        Assert.Equal("INVALID_SESSION_ID", error.Error);
        Assert.Equal(2, fake.TokenCalls);
    }

    [Fact]
    public async Task A_401_saying_the_session_is_not_for_the_REST_API_is_a_configuration_error_without_signing_in_again()
    {
        var fake = new FakeSalesforce();
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.Unauthorized, """[{"message":"This session is not valid for use with the REST API","errorCode":"INVALID_SESSION_ID"}]""");
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("'api'", error.Message);
        Assert.Equal(1, fake.TokenCalls);
    }

    [Fact]
    public async Task A_count_short_of_totalSize_is_an_error_and_the_read_is_not_complete()
    {
        var fake = new FakeSalesforce();
        fake.Rest = r => r.RequestUri!.AbsolutePath == "/services/data/v66.0/query"
            ? FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(5, 0, 2, "/services/data/v66.0/query/01gA-2"))
            : FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(5, 2, 4, null));
        using var client = fake.Client();
        var reader = await client.QueryAsync("SELECT Id FROM User");

        var error = await Assert.ThrowsAsync<SalesforceQueryIncompleteException>(() => ReadAll(reader));

        Assert.Equal(5, error.Expected);
        Assert.Equal(4, error.Read);
        Assert.Contains("4 of 5", error.Message);
        Assert.False(reader.IsComplete);
    }

    [Fact]
    public async Task Done_false_without_a_next_page_stops_and_still_checks_the_count()
    {
        var fake = new FakeSalesforce();
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.OK, FakeSalesforce.UserPage(3, 0, 3, null).Replace("\"done\":true", "\"done\":false"));
        var log = new RecordingLog();
        using var client = fake.Client(log: log);
        var reader = await client.QueryAsync("SELECT Id FROM User");

        Assert.Equal(3, (await ReadAll(reader)).Count);
        Assert.True(reader.IsComplete);
        Assert.Contains(log.Warnings, w => w.Contains("not done"));
    }

    [Fact]
    public async Task A_count_query_completes_with_no_records()
    {
        var fake = new FakeSalesforce();
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.OK, """{"totalSize":1234,"done":true,"records":[]}""");
        using var client = fake.Client();

        var reader = await client.QueryAsync("SELECT COUNT() FROM User");

        Assert.Empty(await ReadAll(reader));
        Assert.Equal(1234, reader.TotalSize);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public async Task REQUEST_LIMIT_EXCEEDED_stops_at_once_with_the_usage_in_the_message()
    {
        var fake = new FakeSalesforce();
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.Forbidden, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", "api-usage=15001/15000");
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceLimitExceededException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("15001/15000", error.Message);
        Assert.Equal(15001, error.Usage!.Used);
        Assert.Single(fake.Requests, r => r.RequestUri!.AbsolutePath.StartsWith("/services/data"));
    }

    [Theory]
    [InlineData("INVALID_FIELD", "No such column 'Foo' on entity 'User'")]
    [InlineData("MALFORMED_QUERY", "unexpected token: FORM")]
    [InlineData("INVALID_TYPE", "sObject type 'Usr' is not supported.")]
    public async Task Query_errors_are_typed_carry_salesforces_words_and_are_not_retried(string code, string message)
    {
        var fake = new FakeSalesforce();
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.BadRequest, $$"""[{"message":"{{message}}","errorCode":"{{code}}"}]""");
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => client.QueryAsync("SELECT Foo FROM User"));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.SalesforceMessage);
        Assert.Equal(400, error.StatusCode);
        Assert.Single(fake.Requests, r => r.RequestUri!.AbsolutePath.StartsWith("/services/data"));
    }

    [Fact]
    public async Task A_non_bearer_token_type_is_refused()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => FakeSalesforce.Json(HttpStatusCode.OK, """{"access_token":"x","instance_url":"https://acme.my.salesforce.com","token_type":"DPoP"}"""),
        };
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());

        Assert.Contains("DPoP", error.Message);
    }

    [Fact]
    public async Task An_instance_url_over_plain_http_to_a_remote_host_is_refused()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => FakeSalesforce.Json(HttpStatusCode.OK, """{"access_token":"x","instance_url":"http://evil.example.com","token_type":"Bearer"}"""),
        };
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());

        Assert.Contains("http://", error.Message);
    }

    [Fact]
    public async Task Token_endpoint_errors_are_typed_with_error_description_and_advice()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => FakeSalesforce.Json(HttpStatusCode.BadRequest, """{"error":"invalid_client","error_description":"invalid client credentials"}"""),
        };
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());

        Assert.Equal("invalid_client", error.Error);
        Assert.Equal("invalid client credentials", error.ErrorDescription);
        Assert.Contains("Consumer Secret", error.Message);
        Assert.DoesNotContain("client-secret-xyz", error.Message);
    }

    [Fact]
    public async Task An_html_page_from_the_token_endpoint_is_a_clear_error()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html><body>Bad gateway</body></html>", System.Text.Encoding.UTF8, "text/html") },
        };
        using var client = fake.Client();

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());

        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("text/html", error.Message);
        Assert.Contains("Bad gateway", error.Message);
        Assert.Equal(5, fake.TokenCalls);
    }

    [Fact]
    public async Task The_password_flow_sends_password_plus_security_token_and_no_secret_reaches_messages_or_the_log()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => FakeSalesforce.Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"authentication failure"}"""),
        };
        var log = new RecordingLog();
        using var credential = new UsernamePasswordCredential("u@acme.com", TestCertificates.Secure("Pa55-word"), TestCertificates.Secure("TOKEN123"), TestCertificates.Secure("shh-secret"));
        using var client = fake.Client(credential, log);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.ConnectAsync());

        Assert.Contains("password=Pa55-wordTOKEN123", fake.LastTokenRequestBody);
        Assert.Contains("client_secret=shh-secret", fake.LastTokenRequestBody);
        var texts = log.All.Append(error.ToString()).Append(credential.ToString()).ToList();
        foreach (var secret in new[] { "Pa55-word", "TOKEN123", "shh-secret" })
            Assert.DoesNotContain(texts, t => t.Contains(secret));
        Assert.Contains(log.Warnings, w => w.Contains("retiring"));
    }

    [Fact]
    public async Task A_rotated_refresh_token_replaces_the_old_one_and_is_handed_to_the_owner()
    {
        var fake = new FakeSalesforce
        {
            TokenAnswer = () => FakeSalesforce.Json(HttpStatusCode.OK, """{"access_token":"00D000000000001!AQ.tok","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer","refresh_token":"rt-2"}"""),
        };
        fake.Rest = _ => FakeSalesforce.Json(HttpStatusCode.OK, """{"DailyApiRequests":{"Max":15000,"Remaining":14990}}""");
        using var credential = new RefreshTokenCredential(TestCertificates.Secure("rt-1"));
        string? handedOver = null;
        credential.Rotated += s => handedOver = new System.Net.NetworkCredential("", s).Password;
        using var client = fake.Client(credential);

        await client.ConnectAsync();
        Assert.Contains("refresh_token=rt-1", fake.LastTokenRequestBody);
        Assert.Equal("rt-2", handedOver);
        fake.ExpireSession();
        await client.ConnectAsync();
        Assert.Equal(2, fake.TokenCalls);
        Assert.Contains("refresh_token=rt-2", fake.LastTokenRequestBody);
    }

    private static async Task<int> QueryMoreCallsSettled(FakeSalesforce fake)
    {
        // The read-ahead runs in the background; give it a moment to reach the network.
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(25);
            if (fake.Requests.Count(r => r.RequestUri!.AbsolutePath.StartsWith("/services/data/v66.0/query/")) > 0) break;
        }
        await Task.Delay(100);
        return fake.Requests.Count(r => r.RequestUri!.AbsolutePath.StartsWith("/services/data/v66.0/query/"));
    }

    [Fact]
    public async Task The_next_page_is_fetched_while_the_caller_works_on_the_current_one_but_never_two_ahead()
    {
        var fake = ThreePages();
        using var client = fake.Client();
        var reader = await client.QueryAsync("SELECT Id, Email FROM User");

        await reader.ReadPageAsync();

        Assert.Equal(1, await QueryMoreCallsSettled(fake));
        await reader.ReadPageAsync();
        Assert.Equal(2, await QueryMoreCallsSettled(fake));
        Assert.Single(await reader.ReadPageAsync() ?? Array.Empty<SalesforceRecord>());
        Assert.Null(await reader.ReadPageAsync());
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public async Task Without_read_ahead_a_page_is_fetched_only_when_asked_for()
    {
        var fake = ThreePages();
        using var client = fake.Client();
        var reader = await client.QueryAsync("SELECT Id, Email FROM User", new SalesforceQueryOptions { ReadAhead = false });

        await reader.ReadPageAsync();

        Assert.Equal(0, await QueryMoreCallsSettled(fake));
    }
}
