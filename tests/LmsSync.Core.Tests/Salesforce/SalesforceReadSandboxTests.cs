using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Errors;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.Salesforce.Admin;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>Reading through the client over real HTTP: paging, re-sign-in, retries, refusals, values, describe, groups.</summary>
public sealed class SalesforceReadSandboxTests : IAsyncLifetime
{
    private const int Users = 500;
    private SandboxSalesforce _sf = null!;

    public async Task InitializeAsync() => _sf = await SandboxSalesforce.StartAsync(Users);

    public async Task DisposeAsync()
    {
        foreach (var secret in _sf.Secrets)
            Assert.DoesNotContain(_sf.Log.All, t => t.Contains(secret, StringComparison.Ordinal));
        await _sf.DisposeAsync();
    }

    private static async Task<List<SalesforceRecord>> ReadAll(SalesforceQueryReader reader)
    {
        var all = new List<SalesforceRecord>();
        IReadOnlyList<SalesforceRecord>? page;
        while ((page = await reader.ReadPageAsync()) != null) all.AddRange(page);
        return all;
    }

    private SalesforceClient JwtClient(Action<LmsSync.Core.Salesforce.SalesforceSettings>? configure = null) =>
        _sf.Client(_sf.Jwt(), configure: s => { s.BatchSize = 200; configure?.Invoke(s); });

    [Fact]
    public async Task Short_pages_are_followed_to_the_end_and_the_count_matches_totalSize()
    {
        _sf.Emulator.Configure(s => s with { ShortPages = true });
        using var client = JwtClient();

        var reader = await client.QueryAsync("SELECT Id, Username FROM User");
        var users = await ReadAll(reader);

        Assert.Equal(Users, users.Count);
        Assert.Equal(Users, reader.TotalSize);
        Assert.True(reader.PagesRead >= 3, $"{reader.PagesRead} pages");
        Assert.True(reader.IsComplete);
        Assert.Equal(Users, users.Select(u => u.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_session_revoked_in_the_middle_of_paging_is_renewed_once_and_the_read_completes()
    {
        using var client = JwtClient();
        var reader = await client.QueryAsync("SELECT Id FROM User");
        _sf.Emulator.RevokeTokensAfterPages(1);

        var users = await ReadAll(reader);

        Assert.Equal(Users, users.Count);
        Assert.True(reader.IsComplete);
        Assert.Equal(2, client.SignInCount);
    }

    [Fact]
    public async Task Several_concurrent_queries_losing_their_session_share_one_re_sign_in()
    {
        using var client = JwtClient();
        var readers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.QueryAsync("SELECT Id, Email FROM User")));
        var tokensBefore = _sf.Calls("/services/oauth2/token");
        _sf.Emulator.RevokeAllTokens();

        var results = await Task.WhenAll(readers.Select(r => Task.Run(() => ReadAll(r))));

        Assert.All(results, r => Assert.Equal(Users, r.Count));
        Assert.All(readers, r => Assert.True(r.IsComplete));
        Assert.Equal(2, client.SignInCount);
        Assert.Equal(tokensBefore + 1, _sf.Calls("/services/oauth2/token"));
    }

    [Fact]
    public async Task A_second_401_after_signing_in_again_is_a_clear_authentication_error()
    {
        using var client = JwtClient();
        await client.ConnectAsync();
        _sf.Emulator.Faults.InvalidSession(SalesforceRoutes.AnyQuery, times: 2);

        var error = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("freshly signed-in session", error.Message);
        Assert.Equal(2, client.SignInCount);
    }

    [Fact]
    public async Task A_503_is_retried_and_the_read_goes_on()
    {
        using var client = JwtClient();
        await client.ConnectAsync();
        _sf.Emulator.Faults.ServerError(SalesforceRoutes.QueryMore, status: 503, times: 2);

        var users = await ReadAll(await client.QueryAsync("SELECT Id FROM User"));

        Assert.Equal(Users, users.Count);
        Assert.Contains(_sf.Log.VerboseMessages, m => m.Contains("HTTP 503"));
    }

    [Fact]
    public async Task A_maintenance_page_that_outlasts_the_retries_is_a_clear_error_with_status_and_content_type()
    {
        using var client = JwtClient();
        await client.ConnectAsync();
        _sf.Emulator.Faults.ServerError(SalesforceRoutes.Query, status: 503, html: true, times: null);

        var error = await Assert.ThrowsAsync<SalesforceResponseException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("text/html", error.ContentType);
        Assert.Contains("Service Unavailable", error.Message);
        Assert.Equal(5, _sf.Calls("/services/data/v66.0/query?"));
    }

    [Fact]
    public async Task The_daily_request_limit_stops_the_read_with_the_usage_in_the_message()
    {
        using var client = JwtClient();
        await client.ConnectAsync();
        var used = client.ApiUsage!.Used;
        _sf.Emulator.Configure(s => s with { DailyApiLimit = (int)used + 1 });

        var error = await Assert.ThrowsAsync<SalesforceLimitExceededException>(async () => await ReadAll(await client.QueryAsync("SELECT Id FROM User")));

        Assert.Equal("REQUEST_LIMIT_EXCEEDED", error.ErrorCode);
        Assert.NotNull(error.Usage);
        Assert.Contains($"/{used + 1}", error.Message);
    }

    [Fact]
    public async Task A_body_cut_in_half_is_a_clear_error_naming_the_problem()
    {
        using var client = JwtClient();
        await client.ConnectAsync();
        _sf.Emulator.Faults.MalformedJson(SalesforceRoutes.Query);

        var error = await Assert.ThrowsAsync<SalesforceResponseException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("malformed or cut short", error.Message);
        Assert.Contains("totalSize", error.Message);
    }

    [Fact]
    public async Task A_call_that_never_answers_times_out_with_a_clear_error()
    {
        using var client = JwtClient(s => s.RetryPolicy = new LmsSync.Core.Http.RetryPolicy
        {
            MaxAttempts = 2, AttemptTimeout = TimeSpan.FromMilliseconds(300), Delay = (_, _) => Task.CompletedTask,
        });
        await client.ConnectAsync();
        _sf.Host.Context.Faults.Add(new FaultRule { PathPattern = SalesforceRoutes.Query, Kind = FaultKind.None, DelayMs = 5_000 });

        var error = await Assert.ThrowsAsync<SalesforceTimeoutException>(() => client.QueryAsync("SELECT Id FROM User"));

        Assert.Contains("did not answer", error.Message);
        Assert.Contains("2 tries", error.Message);
    }

    [Theory]
    [InlineData("SELECT Foo FROM User", "INVALID_FIELD")]
    [InlineData("SELECT Id FORM User", "MALFORMED_QUERY")]
    [InlineData("SELECT Id FROM Usr", "INVALID_TYPE")]
    public async Task Soql_errors_are_typed_and_sent_once(string soql, string code)
    {
        using var client = JwtClient();
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => client.QueryAsync(soql));

        Assert.Equal(code, error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.SalesforceMessage));
        Assert.Equal(1, _sf.Calls("/services/data/v66.0/query?"));
    }

    [Fact]
    public async Task Relationship_fields_flatten_and_dates_convert_from_real_responses()
    {
        var org = _sf.Emulator.Org;
        var users = org.Rows("User").Take(4).ToList();
        var role = org.Insert("UserRole", new Dictionary<string, object?> { ["Name"] = "Trainer" }).Id;
        _sf.Emulator.UpdateUser(users[2].Id, new Dictionary<string, object?> { ["ManagerId"] = users[3].Id, ["UserRoleId"] = role, ["Hire_Date__c"] = new DateTime(2024, 2, 29) });
        _sf.Emulator.UpdateUser(users[3].Id, new Dictionary<string, object?> { ["ManagerId"] = users[0].Id });
        _sf.Emulator.UpdateUser(users[1].Id, new Dictionary<string, object?> { ["ManagerId"] = null, ["UserRoleId"] = null });
        using var client = JwtClient();

        var query = new SourceQueryBuilder { StandardUsersOnly = false }
            .AddFields(new[] { "manager.email", "Manager.Manager.Username", "UserRole.Name", "Profile.Name", "Hire_Date__c", "LastModifiedDate" })
            .Where($"Id IN {SoqlLiteral.List(new[] { users[1].Id, users[2].Id })}");
        var rows = (await ReadAll(await client.QuerySourceAsync(query))).ToDictionary(r => r.Id!);

        var managed = rows[users[2].Id];
        Assert.Equal(users[3]["Email"], managed["Manager.Email"]);
        Assert.Equal(users[0]["Username"], managed["Manager.Manager.Username"]);
        Assert.Equal("Trainer", managed["UserRole.Name"]);
        Assert.Equal(org.Get((string)users[2]["ProfileId"]!)!["Name"], managed["Profile.Name"]);
        Assert.Equal(new DateTime(2024, 2, 29), managed["Hire_Date__c"]);
        Assert.IsType<DateTimeOffset>(managed["SystemModstamp"]);
        Assert.IsType<DateTimeOffset>(managed["LastModifiedDate"]);
        Assert.IsType<bool>(managed["IsActive"]);

        var alone = rows[users[1].Id];
        Assert.True(alone.Has("Manager.Email"));
        Assert.Null(alone["Manager.Email"]);
        Assert.Null(alone["Manager.Manager.Username"]);
        Assert.Null(alone["UserRole.Name"]);
    }

    [Fact]
    public async Task Plain_queries_without_describe_still_read_salesforce_datetimes()
    {
        using var client = JwtClient();

        var first = (await ReadAll(await client.QueryAsync("SELECT Id, SystemModstamp, Username FROM User LIMIT 3"))).First();

        var stamp = Assert.IsType<DateTimeOffset>(first["SystemModstamp"]);
        Assert.InRange(stamp, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.IsType<string>(first["Username"]);
    }

    [Fact]
    public async Task Unknown_fields_are_caught_by_describe_before_any_query_with_the_closest_names()
    {
        using var client = JwtClient();

        var error = await Assert.ThrowsAsync<SalesforceFieldException>(() =>
            client.QuerySourceAsync(new SourceQueryBuilder().AddFields(new[] { "Departmnt", "Manager.Emial", "Email" })));

        Assert.Contains("No field 'Departmnt' on User. Closest: Department", error.Message);
        Assert.Contains("No field 'Emial' on User (via Manager)", error.Message);
        Assert.Equal(2, error.Problems.Count);
        Assert.Equal(0, _sf.Calls("/services/data/v66.0/query"));
    }

    [Fact]
    public async Task Describe_is_cached_per_client()
    {
        using var client = JwtClient();

        var first = await client.DescribeAsync("User");
        var again = await client.DescribeAsync("user");
        await client.ValidateFieldsAsync("User", new[] { "Email", "Manager.Email", "Profile.Name" });

        Assert.Same(first, again);
        Assert.Equal(1, _sf.Calls("/services/data/v66.0/sobjects/User/describe"));
        Assert.Equal("005", first.KeyPrefix);
        Assert.Equal("Manager", first.Field("ManagerId")!.RelationshipName);
    }

    [Fact]
    public async Task Public_group_memberships_map_users_to_their_group_names()
    {
        var org = _sf.Emulator.Org;
        var users = org.Rows("User").Skip(5).Take(3).ToList();
        string Group(string name, string type) =>
            org.Insert("Group", new Dictionary<string, object?> { ["Name"] = name, ["DeveloperName"] = name.Replace(" ", "_"), ["Type"] = type }).Id;
        void Member(string group, string member) =>
            org.Insert("GroupMember", new Dictionary<string, object?> { ["GroupId"] = group, ["UserOrGroupId"] = member });
        var onboarding = Group("Onboarding", "Regular");
        var sales = Group("Sales Academy", "Regular");
        var queue = Group("Support Queue", "Queue");
        Member(onboarding, users[0].Id);
        Member(sales, users[0].Id);
        Member(sales, users[1].Id);
        Member(queue, users[2].Id);
        Member(sales, onboarding);
        using var client = JwtClient();

        var groups = await client.GetPublicGroupMembershipsAsync();

        Assert.Contains("Onboarding", groups.GroupsOf(users[0].Id));
        Assert.Contains("Sales Academy", groups.GroupsOf(users[0].Id));
        Assert.Contains("Sales Academy", groups.GroupsOf(users[1].Id));
        Assert.DoesNotContain("Support Queue", groups.GroupNames);
        // The whole map equals what the org holds: direct user members of Regular groups, nothing else.
        var regular = org.Rows("Group").Where(g => (string?)g["Type"] == "Regular").ToDictionary(g => g.Id, g => (string)g["Name"]!);
        var expected = org.Rows("GroupMember")
            .Where(m => regular.ContainsKey((string)m["GroupId"]!) && ((string)m["UserOrGroupId"]!).StartsWith("005"))
            .GroupBy(m => (string)m["UserOrGroupId"]!)
            .ToDictionary(g => g.Key, g => g.Select(m => regular[(string)m["GroupId"]!]).Distinct().OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList());
        Assert.Equal(expected.Keys.OrderBy(k => k), groups.UserIds.OrderBy(k => k));
        foreach (var (user, names) in expected) Assert.Equal(names, groups.GroupsOf(user));
        Assert.Equal(org.Rows("GroupMember").Count(m => regular.ContainsKey((string)m["GroupId"]!) && ((string)m["UserOrGroupId"]!).StartsWith("00G")), groups.NestedGroupMembers);
    }
}
