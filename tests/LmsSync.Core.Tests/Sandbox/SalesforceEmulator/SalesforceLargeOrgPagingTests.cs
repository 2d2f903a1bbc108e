using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceLargeOrgPagingTests(ITestOutputHelper output)
{
    private const string SyncQuery =
        "SELECT Id, Username, Email, FirstName, LastName, IsActive, Department, Division, CompanyName, Title, ManagerId, Manager.Email, " +
        "EmployeeNumber, FederationIdentifier, UserType, Profile.Name, UserRole.Name, LastModifiedDate, SystemModstamp FROM User";

    /// <summary>
    /// A large org pages through REST completely in full 2,000-record pages, gzip as clients are told
    /// to ask. How fast is a benchmark's question (<c>sf-read</c> in tests/LmsSync.Benchmarks), not a
    /// test's: the elapsed time is only written to the test output.
    /// </summary>
    [Fact]
    public async Task A_large_org_pages_through_rest_in_full_pages()
    {
        const bool gzip = true;
        const int users = 20_000;
        await using var sf = await SfSandbox.StartAsync(users: users);
        var token = await sf.SignInAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = gzip ? DecompressionMethods.GZip : DecompressionMethods.None })
        {
            BaseAddress = new Uri(sf.Host.BaseUrl),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var watch = Stopwatch.StartNew();
        var url = SfSandbox.Query(SyncQuery);
        int pages = 0, records = 0, totalSize = 0;
        long bytes = 0;
        while (url is not null)
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            bytes += body.Length;
            using var page = JsonDocument.Parse(body);
            pages++;
            records += page.RootElement.GetProperty("records").GetArrayLength();
            totalSize = page.RootElement.GetProperty("totalSize").GetInt32();
            url = page.RootElement.GetProperty("done").GetBoolean() ? null : page.RootElement.GetProperty("nextRecordsUrl").GetString();
        }
        watch.Stop();

        output.WriteLine($"gzip={gzip}: {records} records in {pages} pages, {bytes / 1024 / 1024} MB of JSON, {watch.ElapsedMilliseconds} ms");
        Assert.Equal(users, totalSize);
        Assert.Equal(users, records);
        Assert.Equal(users / 2000, pages);
    }
}
