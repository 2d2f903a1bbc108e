using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>Discovery and paging boundaries against the emulator over HTTP.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimPagingTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private static async Task<List<ScimUser>> ReadAll(ScimPageReader<ScimUser> reader)
    {
        var all = new List<ScimUser>();
        while (await reader.ReadPageAsync() is { } page) all.AddRange(page);
        return all;
    }

    [Fact]
    public async Task Discovery_reads_the_service_provider_config_once()
    {
        Switch(b => { b.BulkMaxOperations = 7; b.BulkMaxPayloadSize = 4096; b.FilterMaxResults = 50; });
        var client = Client();

        var config = await client.DiscoverAsync();
        await client.DiscoverAsync();

        Assert.True(config.PatchSupported);
        Assert.True(config.BulkSupported);
        Assert.Equal(7, config.BulkMaxOperations);
        Assert.Equal(4096, config.BulkMaxPayloadSize);
        Assert.True(config.FilterSupported);
        Assert.Equal(50, config.FilterMaxResults);
        Assert.True(config.EtagSupported);
        Assert.True(config.SortSupported);
        Assert.Equal(new[] { "oauthbearertoken" }, config.AuthenticationSchemes);
        Assert.Single(Requests("GET", "/ServiceProviderConfig"));
    }

    [Fact]
    public async Task An_empty_result_is_one_request_and_no_page()
    {
        var reader = Client().ListUsers(ScimFilter.Equal("userName", "nobody@lms.example"));

        Assert.Null(await reader.ReadPageAsync());
        Assert.Equal(0, reader.TotalResults);
        Assert.Null(await reader.ReadPageAsync());
        Assert.Single(Requests("GET", "/Users?"));
    }

    [Fact]
    public async Task One_result_is_one_page()
    {
        var all = await ReadAll(Client().ListUsers(ScimFilter.Equal("userName", "maria.garcia@lms.example")));

        Assert.Equal("maria.garcia@lms.example", Assert.Single(all).UserName);
        Assert.Single(Requests("GET", "/Users?"));
    }

    [Fact]
    public async Task Exactly_one_full_page_stops_without_asking_for_an_empty_one()
    {
        var client = Client(o => o.PageSize = 4); // the seed has exactly 4 users

        var all = await ReadAll(client.ListUsers());

        Assert.Equal(4, all.Count);
        Assert.Single(Requests("GET", "/Users?"));
    }

    [Fact]
    public async Task Many_pages_advance_by_what_the_service_returned_when_it_returns_fewer_than_asked()
    {
        Emulator.SeedUsers(23);
        Switch(b => b.MaxPageSize = 5); // asks for 10, gets 5
        var client = Client(o => o.PageSize = 10);

        var all = await ReadAll(client.ListUsers());

        Assert.Equal(27, all.Count);
        Assert.Equal(27, all.Select(u => u.Id).Distinct().Count());
        // Pages after the first go out several at once (see ScimParallelPagingTests), so compare positions, not arrival order.
        var starts = Requests("GET", "/Users?").Select(r => int.Parse(r.Path.Split("startIndex=")[1].Split('&')[0])).OrderBy(s => s).ToList();
        Assert.Equal(new[] { 1, 6, 11, 16, 21, 26 }, starts);
    }

    [Fact]
    public async Task The_page_size_stays_within_filter_maxResults()
    {
        Switch(b => b.FilterMaxResults = 3);
        var client = Client(o => o.PageSize = 100);

        var reader = client.ListUsers();
        var first = await reader.ReadPageAsync();

        Assert.Equal(3, first!.Count);
        Assert.Contains("count=3", Requests("GET", "/Users?").Single().Path);
    }

    [Fact]
    public async Task Count_asks_for_count_0_and_gets_only_totalResults()
    {
        Emulator.SeedUsers(6);
        var client = Client();

        Assert.Equal(10, await client.CountUsersAsync());
        Assert.Equal(1, await client.CountUsersAsync("active eq false"));
        Assert.All(Requests("GET", "/Users?"), r => Assert.Contains("count=0", r.Path));
    }

    [Fact]
    public async Task Groups_list_with_or_without_members()
    {
        var client = Client();

        var withMembers = await client.ListGroups().ReadPageAsync();
        var without = await client.ListGroups(includeMembers: false).ReadPageAsync();

        Assert.Equal(new[] { 1, 2 }, withMembers!.Select(g => g.MemberIds.Count));
        Assert.All(without!, g => { Assert.Empty(g.MemberIds); Assert.False(g.MembersIncluded); });
        Assert.Contains(Requests("GET", "/Groups?"), r => r.Path.Contains("excludedAttributes=members"));
    }
}
