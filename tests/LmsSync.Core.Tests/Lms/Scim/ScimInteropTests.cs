using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// A fact that runs only when an independent SCIM server is named in the environment
/// (<c>LMSSYNC_SCIM_INTEROP_URL</c> and <c>LMSSYNC_SCIM_INTEROP_TOKEN</c>; see tests/interop/scim/README.md).
/// </summary>
public sealed class ScimInteropFactAttribute : FactAttribute
{
    public const string UrlVariable = "LMSSYNC_SCIM_INTEROP_URL";
    public const string TokenVariable = "LMSSYNC_SCIM_INTEROP_TOKEN";

    public ScimInteropFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UrlVariable)) || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TokenVariable)))
        {
            Skip = $"No independent SCIM server to check against: set {UrlVariable} and {TokenVariable} (tests/interop/scim/README.md starts one).";
        }
    }
}

/// <summary>
/// The client's contract subset, unchanged, against an independent SCIM 2.0 implementation (not our emulator).
/// Every run uses fresh userNames, so it works against a server that keeps state between runs.
/// </summary>
public sealed class ScimInteropTests : IDisposable
{
    private readonly string _run = Guid.NewGuid().ToString("N").Substring(0, 8);
    private readonly ScimClient _client;

    public ScimInteropTests()
    {
        var url = Environment.GetEnvironmentVariable(ScimInteropFactAttribute.UrlVariable);
        var token = Environment.GetEnvironmentVariable(ScimInteropFactAttribute.TokenVariable);
        _client = url is null || token is null ? null! : new ScimClient(new ScimClientOptions { BaseUrl = url, Token = ScimTestBase.Secure(token), PageSize = 3 });
    }

    private string Name(string who) => $"{who}.{_run}@interop.example";

    private ScimNewUser Person(string who) => new ScimNewUser(Name(who)) { ExternalId = "005INTEROP" + _run + who }
        .Set("name.givenName", who).Set("name.familyName", "Interop").Set("displayName", who + " Interop")
        .Set("email", Name(who)).Set("title", "Tester").Set("enterprise.department", "QA");

    [ScimInteropFact]
    public async Task Discover()
    {
        var config = await _client.DiscoverAsync();

        Assert.True(config.PatchSupported);
        Assert.True(config.FilterSupported);
        Assert.Contains("oauthbearertoken", config.AuthenticationSchemes);
    }

    [ScimInteropFact]
    public async Task Create_then_find_by_userName_externalId_and_email()
    {
        var created = await _client.CreateUserAsync(Person("ann"));

        Assert.Equal(Name("ann"), created.UserName);
        Assert.Equal("QA", created.Department);
        Assert.Equal(created.Id, (await _client.FindUserByUserNameAsync(Name("ann")))!.Id);
        Assert.Equal(created.Id, Assert.Single(await _client.FindUsersByExternalIdAsync("005INTEROP" + _run + "ann")).Id);
        Assert.Equal(created.Id, Assert.Single(await _client.FindUsersByEmailAsync(Name("ann"))).Id);
        Assert.Equal(created.Id, (await _client.GetUserAsync(created.Id))!.Id);
    }

    [ScimInteropFact]
    public async Task A_duplicate_is_a_conflict()
    {
        await _client.CreateUserAsync(Person("dup"));

        var error = await Assert.ThrowsAsync<ScimException>(() => _client.CreateUserAsync(Person("dup")));

        Assert.True(error.IsConflict);
    }

    [ScimInteropFact]
    public async Task Patch_attributes_by_path()
    {
        var user = await _client.CreateUserAsync(Person("pat"));

        await _client.UpdateUserAsync(user, new ScimUserChanges()
            .Set("name.givenName", "Patricia").Set("email", Name("patricia")).Set("enterprise.department", "Support").Set("title", null));
        var read = (await _client.GetUserAsync(user.Id))!;

        Assert.Equal("Patricia", read.GivenName);
        Assert.Equal(Name("patricia"), read.Email);
        Assert.Equal("Support", read.Department);
        Assert.Null(read.Title);
    }

    [ScimInteropFact]
    public async Task Deactivate_and_reactivate()
    {
        var user = await _client.CreateUserAsync(Person("act"));

        await _client.DeactivateUserAsync(user.Id);
        Assert.False((await _client.GetUserAsync(user.Id))!.Active);

        await _client.ReactivateUserAsync(user);
        Assert.True((await _client.GetUserAsync(user.Id))!.Active);
    }

    [ScimInteropFact]
    public async Task Group_join_and_leave()
    {
        var one = await _client.CreateUserAsync(Person("g1"));
        var two = await _client.CreateUserAsync(Person("g2"));
        var group = await _client.CreateGroupAsync("Interop " + _run);

        await _client.JoinGroupAsync(group.Id, one.Id);
        await _client.JoinGroupAsync(group.Id, two.Id);
        Assert.Equal(new[] { one.Id, two.Id }.OrderBy(i => i), (await _client.GetGroupAsync(group.Id))!.MemberIds.OrderBy(i => i));
        Assert.Equal(group.Id, (await _client.FindGroupByDisplayNameAsync("Interop " + _run))!.Id);

        await _client.LeaveGroupAsync(group.Id, one.Id);
        await _client.LeaveGroupAsync(group.Id, one.Id); // not a member any more: not an error
        Assert.Equal(new[] { two.Id }, (await _client.GetGroupAsync(group.Id))!.MemberIds);
    }

    [ScimInteropFact]
    public async Task List_with_paging()
    {
        var results = await _client.CreateUsersAsync(Enumerable.Range(1, 7).Select(i => Person("page" + i)).ToList());
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));

        var filter = "externalId sw " + ScimFilter.Quote("005INTEROP" + _run + "page");
        var reader = _client.ListUsers(filter);
        var seen = new List<ScimUser>();
        while (await reader.ReadPageAsync() is { } page) seen.AddRange(page);

        Assert.Equal(7, seen.Select(u => u.Id).Distinct().Count());
        Assert.Equal(3, reader.PagesRead);
        Assert.Equal(7, await _client.CountUsersAsync(filter));

        var everyone = _client.ListUsers();
        var all = new List<ScimUser>();
        while (await everyone.ReadPageAsync() is { } page) all.AddRange(page);
        Assert.Equal(everyone.TotalResults, all.Count);
    }

    public void Dispose() => _client?.Dispose();
}
