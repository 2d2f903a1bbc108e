using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>
/// A query cursor dropped mid-read (INVALID_QUERY_LOCATOR) over real HTTP: the Sandbox, like Salesforce, keeps 10
/// cursors per user and evicts the oldest when an 11th opens (salesforce-api.md §4).
/// </summary>
public sealed class SalesforceCursorRestartTests : IAsyncLifetime
{
    private const int Users = 1000;
    private SandboxSalesforce _sf = null!;

    public async Task InitializeAsync() => _sf = await SandboxSalesforce.StartAsync(Users);

    public async Task DisposeAsync() => await _sf.DisposeAsync();

    private SalesforceClient Client() => _sf.Client(_sf.Jwt(), configure: s => s.BatchSize = 200);

    /// <summary>Opens ten more cursors for the same user, which evicts every cursor opened before them.</summary>
    private static async Task EvictOlderCursorsAsync(SalesforceClient client)
    {
        for (var i = 0; i < 10; i++) await client.QueryAsync("SELECT Id FROM User", new SalesforceQueryOptions { ReadAhead = false });
    }

    private static Task<SalesforceQueryReader> OpenAsync(SalesforceClient client, bool readAhead) =>
        client.QueryAsync("SELECT Id, Email FROM User", new SalesforceQueryOptions { ReadAhead = readAhead });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_evicted_cursor_is_replaced_by_the_query_run_again_and_each_user_is_handed_out_once(bool readAhead)
    {
        using var client = Client();
        var reader = await OpenAsync(client, readAhead);
        var seen = new List<string>();
        seen.AddRange((await reader.ReadPageAsync())!.Select(r => r.Id!));
        await EvictOlderCursorsAsync(client);

        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) seen.AddRange(page.Select(r => r.Id!));

        Assert.Equal(Users, seen.Count);
        Assert.Equal(Users, seen.Distinct().Count());
        Assert.True(reader.IsComplete);
        Assert.Equal(1, reader.Restarts);
        Assert.Equal(Users, reader.RecordsRead);
        Assert.Contains(_sf.Log.Warnings, w => w.Contains("INVALID_QUERY_LOCATOR", StringComparison.Ordinal) && w.Contains("running the query again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_added_before_the_restart_is_read_by_the_query_run_again()
    {
        using var client = Client();
        var reader = await OpenAsync(client, readAhead: false);
        var seen = new HashSet<string>((await reader.ReadPageAsync())!.Select(r => r.Id!));
        var profileId = _sf.Emulator.Org.Rows("Profile").First().Id;
        var added = _sf.Emulator.InsertUser(new Dictionary<string, object?>
        {
            ["Username"] = "late.hire@sandbox.example.com", ["Email"] = "late.hire@sandbox.example.com", ["LastName"] = "Hire", ["Alias"] = "lhire",
            ["ProfileId"] = profileId, ["TimeZoneSidKey"] = "GMT", ["LocaleSidKey"] = "en_US", ["LanguageLocaleKey"] = "en_US",
        });
        await EvictOlderCursorsAsync(client);

        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null)
            foreach (var record in page) Assert.True(seen.Add(record.Id!), $"{record.Id} handed out twice");

        Assert.Contains(added.Id, seen);
        Assert.Equal(Users + 1, seen.Count);
        Assert.Equal(Users + 1, reader.TotalSize);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public async Task A_cursor_dropped_more_often_than_the_restarts_allow_is_an_error_not_a_partial_read()
    {
        using var client = Client();
        var reader = await OpenAsync(client, readAhead: false);
        var read = (await reader.ReadPageAsync())!.Count;

        var error = await Assert.ThrowsAsync<SalesforceApiException>(async () =>
        {
            while (true)
            {
                await EvictOlderCursorsAsync(client);
                var page = await reader.ReadPageAsync();
                if (page == null) break;
                read += page.Count;
            }
        });

        Assert.Equal("INVALID_QUERY_LOCATOR", error.ErrorCode);
        Assert.Equal(SalesforceQueryReader.MaxRestarts, reader.Restarts);
        Assert.False(reader.IsComplete);
        Assert.True(read < Users, $"{read} read before the error");
    }

    [Fact]
    public async Task A_query_whose_records_have_no_Id_is_not_restarted()
    {
        using var client = Client();
        var reader = await client.QueryAsync("SELECT Email FROM User", new SalesforceQueryOptions { ReadAhead = false });
        await reader.ReadPageAsync();
        await EvictOlderCursorsAsync(client);

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => reader.ReadPageAsync());

        Assert.Equal("INVALID_QUERY_LOCATOR", error.ErrorCode);
        Assert.Equal(0, reader.Restarts);
    }
}
