using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Sandbox.Salesforce.Admin;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>Reading through Bulk API 2.0 over real HTTP: same records as REST, paging, retries, re-sign-in, failed and timed-out jobs.</summary>
public sealed class SalesforceBulkReadSandboxTests : IAsyncLifetime
{
    private const int Users = 500;
    private const int PageRows = 120;
    private const string Jobs = "/services/data/v66.0/jobs/query";
    private SandboxSalesforce _sf = null!;
    private readonly List<TimeSpan> _pollDelays = new();

    public async Task InitializeAsync()
    {
        _sf = await SandboxSalesforce.StartAsync(Users);
        // The polls here take no time: jobs move one state per poll, however slow the machine.
        _sf.Emulator.Configure(s => s with { BulkJobRunTime = TimeSpan.FromHours(1) });
    }

    public async Task DisposeAsync()
    {
        foreach (var secret in _sf.Secrets)
            Assert.DoesNotContain(_sf.Log.All, t => t.Contains(secret, StringComparison.Ordinal));
        await _sf.DisposeAsync();
    }

    private SalesforceClient Client(Action<LmsSync.Core.Salesforce.SalesforceSettings>? configure = null) =>
        _sf.Client(_sf.Jwt(), configure: s =>
        {
            s.BatchSize = 200;
            s.BulkQuery.MaxRecords = PageRows;
            s.BulkQuery.Delay = (delay, _) =>
            {
                lock (_pollDelays) _pollDelays.Add(delay);
                return Task.CompletedTask;
            };
            configure?.Invoke(s);
        });

    private static async Task<List<SalesforceRecord>> ReadAll(IRecordPageReader reader)
    {
        var all = new List<SalesforceRecord>();
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) all.AddRange(page);
        return all;
    }

    private static void AssertSameRecords(IReadOnlyList<SalesforceRecord> rest, IReadOnlyList<SalesforceRecord> bulk)
    {
        Assert.Equal(rest.Count, bulk.Count);
        var byId = bulk.ToDictionary(r => r.Id!);
        foreach (var expected in rest)
        {
            var actual = byId[expected.Id!];
            Assert.Equal(expected.ObjectType, actual.ObjectType);
            Assert.Equal(expected.Fields.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase), actual.Fields.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
            foreach (var (field, value) in expected.Fields)
            {
                Assert.True(Equals(value, actual[field]), $"{expected.Id} {field}: REST {value} ({value?.GetType().Name}), Bulk {actual[field]} ({actual[field]?.GetType().Name})");
                Assert.Equal(value?.GetType(), actual[field]?.GetType());
            }
        }
    }

    [Fact]
    public async Task A_bulk_read_returns_the_same_records_and_typed_values_as_the_REST_reader()
    {
        var org = _sf.Emulator.Org;
        var users = org.Rows("User").Take(4).ToList();
        var role = org.Insert("UserRole", new Dictionary<string, object?> { ["Name"] = "Trainer, \"senior\"" }).Id;
        _sf.Emulator.UpdateUser(users[2].Id, new Dictionary<string, object?>
        {
            ["ManagerId"] = users[3].Id, ["UserRoleId"] = role, ["Hire_Date__c"] = new DateTime(2024, 2, 29),
            ["Title"] = "Line one\nline \"two\", three", ["Department"] = "Zürich 東京 ✓",
        });
        _sf.Emulator.UpdateUser(users[3].Id, new Dictionary<string, object?> { ["ManagerId"] = users[0].Id });
        _sf.Emulator.UpdateUser(users[1].Id, new Dictionary<string, object?> { ["ManagerId"] = null, ["UserRoleId"] = null, ["Department"] = null });
        using var client = Client();
        SourceQueryBuilder Query() => new SourceQueryBuilder { StandardUsersOnly = false }
            .AddFields(new[] { "manager.email", "Manager.Manager.Username", "UserRole.Name", "Profile.Name", "Hire_Date__c", "LastModifiedDate", "LastLoginDate", "Title", "Department", "AboutMe", "LMS_Groups__c" });

        var rest = await ReadAll(await client.QuerySourceAsync(Query()));
        var bulkReader = await client.QuerySourceBulkAsync(Query());
        var bulk = await ReadAll(bulkReader);

        Assert.Equal(Users, rest.Count);
        AssertSameRecords(rest, bulk);
        Assert.True(bulkReader.IsComplete);
        Assert.Equal(Users, bulkReader.TotalSize);
        var managed = bulk.Single(r => r.Id == users[2].Id);
        Assert.Equal("Line one\nline \"two\", three", managed["Title"]);
        Assert.Equal("Trainer, \"senior\"", managed["UserRole.Name"]);
        Assert.Equal(new DateTime(2024, 2, 29), managed["Hire_Date__c"]);
        Assert.IsType<bool>(managed["IsActive"]);
        Assert.IsType<DateTimeOffset>(managed["SystemModstamp"]);
        Assert.Null(bulk.Single(r => r.Id == users[1].Id)["Manager.Email"]);
    }

    [Fact]
    public async Task Numbers_from_a_parent_object_are_decimals_as_in_REST()
    {
        using var client = Client();
        SourceQueryBuilder Query() => new SourceQueryBuilder(SourceObject.Contact).AddFields(new[] { "Email", "Account.Name", "Account.NumberOfEmployees", "Account.AnnualRevenue", "Active__c", "ReportsTo.Email" });

        var rest = await ReadAll(await client.QuerySourceAsync(Query()));
        var bulk = await ReadAll(await client.QuerySourceBulkAsync(Query()));

        AssertSameRecords(rest, bulk);
        Assert.Contains(bulk, r => r["Account.NumberOfEmployees"] is decimal);
        Assert.Contains(bulk, r => r["Account.AnnualRevenue"] is decimal);
    }

    [Fact]
    public async Task Pages_follow_the_locators_to_the_end_and_the_job_is_deleted_afterwards()
    {
        using var client = Client();

        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });
        var pages = new List<int>();
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) pages.Add(page.Count);

        Assert.Equal(new[] { 120, 120, 120, 120, 20 }, pages);
        Assert.Equal(5, _sf.Calls($"{Jobs}/{reader.JobId}/results"));
        Assert.Equal(1, _sf.Host.Context.Requests.Since(0).Count(r => r.Method == "DELETE" && r.Path == $"{Jobs}/{reader.JobId}"));
        Assert.Empty(_sf.Emulator.BulkJobs.All());
        Assert.Equal(new[] { TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.375) }, _pollDelays);
    }

    [Fact]
    public async Task The_next_page_is_asked_for_before_this_page_has_been_read_to_its_end()
    {
        using var handler = new FirstPageEndWaits();
        using var client = Client(s => s.NetworkHandler = handler);
        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });

        var records = await ReadAll(reader);

        Assert.True(handler.NextAskedBeforeFirstPageEnded);
        Assert.Equal(Users, records.Select(r => r.Id).Distinct().Count());
        Assert.True(reader.IsComplete);
        Assert.Equal(5, _sf.Calls($"{Jobs}/{reader.JobId}/results"));
    }

    /// <summary>Holds the end of the first result page's body until the second page is asked for (or 30 s, when it is not).</summary>
    private sealed class FirstPageEndWaits : System.Net.Http.DelegatingHandler
    {
        private readonly TaskCompletionSource _nextAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public FirstPageEndWaits() : base(new System.Net.Http.HttpClientHandler())
        {
        }

        public bool NextAskedBeforeFirstPageEnded { get; private set; }

        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var results = uri.AbsolutePath.EndsWith("/results", StringComparison.Ordinal);
            if (results && uri.Query.Contains("locator=", StringComparison.Ordinal)) _nextAsked.TrySetResult();
            var response = await base.SendAsync(request, cancellationToken);
            if (!results || uri.Query.Contains("locator=", StringComparison.Ordinal)) return response;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var content = new System.Net.Http.StreamContent(new EndWaits(body, this));
            foreach (var header in response.Content.Headers) content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content = content;
            return response;
        }

        private sealed class EndWaits(byte[] body, FirstPageEndWaits owner) : System.IO.MemoryStream(body, writable: false)
        {
            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
            {
                var read = await base.ReadAsync(buffer, cancellationToken);
                if (read == 0 && !owner.NextAskedBeforeFirstPageEnded)
                {
                    await Task.WhenAny(owner._nextAsked.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
                    owner.NextAskedBeforeFirstPageEnded = owner._nextAsked.Task.IsCompleted;
                }
                return read;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        }
    }

    [Fact]
    public async Task A_503_on_a_result_page_is_retried_and_no_record_is_lost_or_duplicated()
    {
        using var client = Client();
        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });
        _sf.Emulator.Faults.ServerError(SalesforceRoutes.BulkResults, status: 503, skipFirst: 2, times: 2);

        var records = await ReadAll(reader);

        Assert.Equal(Users, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Users, records.Count);
        Assert.True(reader.IsComplete);
        Assert.Equal(5 + 2, _sf.Calls($"{Jobs}/{reader.JobId}/results"));
        Assert.Contains(_sf.Log.VerboseMessages, m => m.Contains("HTTP 503"));
    }

    [Fact]
    public async Task A_page_whose_body_breaks_off_is_fetched_again_by_its_locator()
    {
        using var client = Client();
        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });
        _sf.Emulator.Faults.MalformedJson(SalesforceRoutes.BulkResults, skipFirst: 1, times: 1);

        var records = await ReadAll(reader);

        Assert.Equal(Users, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Users, records.Count);
        Assert.Contains(_sf.Log.VerboseMessages, m => m.Contains("fetching it again by its locator"));
    }

    [Fact]
    public async Task A_plain_CSV_page_cut_in_the_middle_of_a_row_is_fetched_again_by_its_locator()
    {
        // Without gzip the cut (half the body) falls inside the CSV itself, in the middle of some row.
        using var client = Client(s => s.NetworkHandler = new System.Net.Http.HttpClientHandler());
        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });
        _sf.Emulator.Faults.MalformedJson(SalesforceRoutes.BulkResults, skipFirst: 1, times: 1);

        var records = await ReadAll(reader);

        Assert.Equal(Users, records.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Users, records.Count);
        Assert.True(reader.IsComplete);
        Assert.Equal(5 + 1, _sf.Calls($"{Jobs}/{reader.JobId}/results"));
        Assert.Contains(_sf.Log.VerboseMessages, m => m.Contains("fetching it again by its locator"));
    }

    [Fact]
    public async Task A_session_that_expires_in_the_middle_of_the_download_is_renewed_once()
    {
        using var client = Client();
        var reader = await client.QuerySourceBulkAsync(new SourceQueryBuilder { StandardUsersOnly = false });
        _sf.Emulator.RevokeTokensAfterPages(2);

        var records = await ReadAll(reader);

        Assert.Equal(Users, records.Select(r => r.Id).Distinct().Count());
        Assert.True(reader.IsComplete);
        Assert.Equal(2, client.SignInCount);
    }

    [Fact]
    public async Task A_failed_job_is_a_typed_error_with_salesforces_message()
    {
        _sf.Emulator.Configure(s => s with { BulkQueryFailure = "InternalServerError: retried 15 times" });
        using var client = Client();

        var error = await Assert.ThrowsAsync<SalesforceBulkJobException>(() => client.QuerySourceBulkAsync(new SourceQueryBuilder()));

        Assert.Equal("Failed", error.State);
        Assert.Equal("InternalServerError: retried 15 times", error.SalesforceMessage);
        Assert.False(error.TimedOut);
        Assert.StartsWith("750", error.JobId);
        Assert.Contains("retried 15 times", error.Message);
        Assert.Equal(0, _sf.Calls($"{Jobs}/{error.JobId}/results"));
    }

    [Fact]
    public async Task A_job_still_running_at_the_timeout_is_aborted_and_reported()
    {
        using var client = Client(s => s.BulkQuery.Timeout = TimeSpan.FromSeconds(0.25));

        var error = await Assert.ThrowsAsync<SalesforceBulkJobException>(() => client.QuerySourceBulkAsync(new SourceQueryBuilder()));

        Assert.True(error.TimedOut);
        Assert.Equal("InProgress", error.State);
        Assert.Equal("Aborted", _sf.Emulator.BulkJobs.Find(error.JobId)!.State);
        Assert.Equal(1, _sf.Host.Context.Requests.Since(0).Count(r => r.Method == "PATCH" && r.Path == $"{Jobs}/{error.JobId}"));
        Assert.Equal(new[] { TimeSpan.FromSeconds(0.25) }, _pollDelays);
    }

    [Fact]
    public async Task Count_uses_the_same_WHERE_as_the_read()
    {
        using var client = Client();
        var query = new SourceQueryBuilder { StandardUsersOnly = false }.Where("IsActive = true");

        var count = await client.CountSourceAsync(query);

        Assert.Equal(_sf.Emulator.Org.Rows("User").Count(r => r["IsActive"] is true), count);
    }
}
