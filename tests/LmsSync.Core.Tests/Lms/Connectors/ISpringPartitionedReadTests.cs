using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Lms.ISpring;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>
/// The whole-user read as one token chain per department at once: the same snapshot as the plain chain, every user
/// read once, a department created mid-read not missed, and the plain chain's handling of 401, 429, 503 and a page
/// cut short.
/// </summary>
public sealed class ISpringPartitionedReadTests : IClassFixture<ISpringSandboxFixture>
{
    private const int PageSize = 10;

    /// <summary>Users per department after <see cref="Populate"/>: Company 7, Sales 24, Support 18, Engineering 31, Sales EMEA 1.</summary>
    private static readonly Dictionary<string, int> PagesByDepartment = new() { ["Company"] = 1, ["Sales"] = 3, ["Support"] = 2, ["Engineering"] = 4, ["Sales EMEA"] = 1 };

    private readonly ISpringSandboxFixture _sandbox;
    private readonly List<TimeSpan> _waits = new();

    public ISpringPartitionedReadTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
        Populate();
    }

    /// <summary>81 users in five departments, some in groups, some with a Salesforce Id, one inactive.</summary>
    private void Populate()
    {
        var store = _sandbox.Store;
        var sales = store.AddLearners(23, _sandbox.DepartmentId("Sales"));
        store.AddLearners(17, _sandbox.DepartmentId("Support"));
        var engineering = store.AddLearners(30, _sandbox.DepartmentId("Engineering"));
        store.AddLearners(6);
        store.ReplaceMembers(_sandbox.GroupId("Onboarding"), sales.Take(5).Concat(engineering.Skip(20)).ToList());
        store.UpdateUser(engineering[3], new ISpringUpdateUserInput
        {
            Fields = new Dictionary<string, string?> { [ISpringStore.SalesforceIdFieldName] = "005000000000777AAA", ["job_title"] = "Engineer" },
        }, ISpringGroupIdsOnUpdate.Add);
        store.SetStatus(new[] { sales[7] }, 3);
    }

    private ISpringConnector Connector(int maxConcurrentRequests = 8, HttpMessageHandler? inner = null) => new(new ISpringClientOptions
    {
        BaseUrl = _sandbox.Url,
        ClientId = _sandbox.ClientId,
        ClientSecret = ISpringSandboxFixture.Secure(_sandbox.ClientSecret),
        SalesforceIdField = "Salesforce Id",
        PageSize = PageSize,
        MaxConcurrentRequests = maxConcurrentRequests,
        InnerHandler = inner,
        RetryPolicy = new RetryPolicy { Delay = (wait, _) => { lock (_waits) _waits.Add(wait); return Task.CompletedTask; } },
    });

    [Fact]
    public async Task Reads_each_department_as_its_own_chain_each_user_once_and_returns_what_the_plain_chain_returns()
    {
        LmsSnapshot plain;
        using (var one = Connector(maxConcurrentRequests: 1)) plain = await one.ReadAsync(null, CancellationToken.None);
        var plainLists = UserLists();
        Assert.Equal(9, plainLists.Count); // 81 users in pages of 10, unfiltered
        Assert.All(plainLists, p => Assert.Empty(Departments(p)));

        var mark = _sandbox.Host.Context.Requests.Mark;
        var progress = new LastValue();
        using var connector = Connector();
        var partitioned = await connector.ReadAsync(progress, CancellationToken.None);

        Assert.Equal(Describe(plain), Describe(partitioned));
        Assert.Equal(81, partitioned.Users.Count);
        Assert.Equal(81, progress.Value); // users received across the chains, before any de-duplication: each once
        // One chain per department, each filtered by its department alone and paged to its end, no request past it.
        var lists = UserLists(mark);
        Assert.All(lists, p => Assert.Single(Departments(p)));
        var pages = lists.GroupBy(p => Departments(p)[0]).ToDictionary(g => _sandbox.Store.GetDepartment(g.Key).Name, g => g.Count());
        Assert.Equal(PagesByDepartment.OrderBy(p => p.Key), pages.OrderBy(p => p.Key));
        // The departments listed for the snapshot, and once more after the chains (the completeness check).
        Assert.Equal(2, _sandbox.Host.Context.Requests.Since(mark, "ispring").Count(r => r.Path.StartsWith("/ispring/departments", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_department_created_after_the_departments_were_listed_is_not_missed()
    {
        // Right after the departments' first answer, before any user is listed: a new department with two users in it.
        var created = new List<string>();
        var handler = new AfterFirstAnswer("/ispring/departments", () =>
        {
            var id = _sandbox.Store.CreateDepartment("Legal", _sandbox.Store.RootDepartmentId, null, true);
            created.AddRange(_sandbox.Store.AddLearners(2, id));
        });
        var mark = _sandbox.Host.Context.Requests.Mark;
        using var connector = Connector(inner: handler);

        var snapshot = await connector.ReadAsync(null, CancellationToken.None);

        Assert.Equal(2, created.Count);
        Assert.Equal(_sandbox.Store.Snapshot().Users.Select(u => u.UserId).OrderBy(x => x), snapshot.Users.Select(u => u.LmsId).OrderBy(x => x));
        Assert.Contains(snapshot.Departments, d => d.Name == "Legal");
        // The chains by department did not list Legal; the second look at the departments did, so everyone was read again unfiltered.
        var lists = UserLists(mark);
        Assert.Equal(11, lists.Count(p => Departments(p).Count == 1));
        Assert.Equal(9, lists.Count(p => Departments(p).Count == 0));
    }

    [Theory]
    [InlineData("401")]
    [InlineData("429")]
    [InlineData("503")]
    [InlineData("cut short")]
    public async Task A_fault_on_one_chains_page_is_handled_as_on_the_plain_chain(string fault)
    {
        LmsSnapshot clean;
        using (var first = Connector()) clean = await first.ReadAsync(null, CancellationToken.None);
        _sandbox.Host.Context.Faults.Add(fault switch
        {
            "401" => Status(401, "{\"code\":401,\"message\":\"Access token is invalid.\"}"),
            "429" => Status(429, "{\"code\":429,\"message\":\"Too many requests.\"}", retryAfter: "2"),
            "503" => Status(503, "{\"code\":503,\"message\":\"Unavailable.\"}", retryAfter: "1"),
            _ => new FaultRule { PathPattern = @"^/ispring/users/v2\?.*departments", SkipFirst = 4, Times = 1, Kind = FaultKind.MalformedBody },
        });
        var mark = _sandbox.Host.Context.Requests.Mark;
        var tokens = _sandbox.Emulator.Auth.TokensIssued;
        using var connector = Connector();

        var snapshot = await connector.ReadAsync(null, CancellationToken.None);

        Assert.Equal(Describe(clean), Describe(snapshot));
        Assert.Equal(11 + 1, UserLists(mark).Count); // the faulted page asked once more
        Assert.Equal(fault == "401" ? 2 : 1, _sandbox.Emulator.Auth.TokensIssued - tokens);
        if (fault is "429" or "503") Assert.Contains(TimeSpan.FromSeconds(fault == "429" ? 2 : 1), _waits);
    }

    [Fact]
    public async Task A_chain_that_fails_fails_the_read_with_its_own_error_not_a_siblings_cancellation()
    {
        _sandbox.Host.Context.Faults.Add(Status(400, "{\"code\":400,\"message\":\"Department filter refused.\"}", times: null, skip: 2));
        using var connector = Connector();

        var error = await Assert.ThrowsAsync<LmsConnectorException>(() => connector.ReadAsync(null, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("Department filter refused", error.Message);
    }

    private static FaultRule Status(int status, string body, string? retryAfter = null, int? times = 1, int skip = 4)
    {
        var rule = new FaultRule { PathPattern = @"^/ispring/users/v2\?.*departments", SkipFirst = skip, Times = times, StatusCode = status, Body = body };
        if (retryAfter != null) rule.Headers["Retry-After"] = retryAfter;
        return rule;
    }

    /// <summary>The <c>/users/v2</c> requests answered since <paramref name="mark"/>, path and query.</summary>
    private List<string> UserLists(long mark = 0) => _sandbox.Host.Context.Requests.Since(mark, "ispring")
        .Where(r => r.Path.StartsWith("/ispring/users/v2", StringComparison.Ordinal)).Select(r => r.Path).ToList();

    private static List<string> Departments(string path) =>
        Regex.Matches(Uri.UnescapeDataString(path), @"departments\[\]=([^&]+)").Select(m => m.Groups[1].Value).ToList();

    /// <summary>Everything a snapshot holds, users in id order (the chains' order is by department, the plain chain's by creation).</summary>
    private static List<string> Describe(LmsSnapshot snapshot) =>
        snapshot.Users.OrderBy(u => u.LmsId, StringComparer.Ordinal)
            .Select(u => string.Join("|", u.LmsId, u.Login, u.Email, u.Active, u.DepartmentId, u.SalesforceId, u.IsAdmin, string.Join(",", u.GroupIds),
                string.Join(",", u.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))))
            .Concat(snapshot.Groups.Select(g => "group " + g.Id + " " + g.Name))
            .Concat(snapshot.Departments.Select(d => "department " + d.Id + " " + d.Name + " " + d.ParentId))
            .Append("complete " + snapshot.UsersComplete)
            .ToList();

    private sealed class LastValue : IProgress<int>
    {
        public int Value { get; private set; }
        public void Report(int value) => Value = value;
    }

    /// <summary>Runs <paramref name="action"/> once, when the first answer to a path starting with <paramref name="path"/> has arrived.</summary>
    private sealed class AfterFirstAnswer(string path, Action action) : DelegatingHandler(new HttpClientHandler())
    {
        private int _done;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.StartsWith(path, StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0) action();
            return response;
        }
    }
}
