using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Tests.Salesforce;
using LmsSync.Sandbox.Faults;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// Reading every user fetches the pages after the first by position, several at once; when the list changes under
/// the read (or a page does not fit its position) the reader starts over and still hands out every user exactly once.
/// </summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimParallelPagingTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private static async Task<List<ScimUser>> ReadAll(ScimPageReader<ScimUser> reader, List<ScimUser>? sofar = null)
    {
        var all = sofar ?? new List<ScimUser>();
        while (await reader.ReadPageAsync() is { } page) all.AddRange(page);
        return all;
    }

    private List<string> StoredIds() => Emulator.Snapshot().Users.Select(u => (string)u["id"]!).ToList();

    private List<int> Starts() =>
        Requests("GET", "/Users?").Select(r => int.Parse(r.Path.Split("startIndex=")[1].Split('&')[0])).OrderBy(s => s).ToList();

    private async Task DeleteAsync(string id)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.Token);
        (await http.DeleteAsync(Url + "/Users/" + id)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_whole_list_is_read_in_order_with_one_request_per_page()
    {
        Emulator.SeedUsers(46); // 50 users
        var client = Client(o => { o.PageSize = 10; o.MaxConcurrency = 4; });
        var reader = client.ListUsers();

        var all = await ReadAll(reader);

        Assert.Equal(StoredIds(), all.Select(u => u.Id));
        Assert.Equal(new[] { 1, 11, 21, 31, 41 }, Starts());
        Assert.False(reader.Reread);
    }

    [Fact]
    public async Task A_filtered_read_stays_one_page_at_a_time()
    {
        Emulator.SeedUsers(46);
        var client = Client(o => { o.PageSize = 10; o.MaxConcurrency = 4; });

        var all = await ReadAll(client.ListUsers("userName sw \"seed.user\""));

        Assert.Equal(46, all.Count);
        Assert.Equal(new[] { 1, 11, 21, 31, 41 }, Starts());
    }

    [Fact]
    public async Task A_user_deleted_mid_read_makes_the_reader_start_over_and_no_one_is_lost_or_repeated()
    {
        Emulator.SeedUsers(46);
        var client = Client(o => { o.PageSize = 10; o.MaxConcurrency = 4; });
        var reader = client.ListUsers();
        var first = (await reader.ReadPageAsync())!.ToList();

        await DeleteAsync(first[2].Id);
        var all = await ReadAll(reader, first);

        var ids = all.Select(u => u.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(StoredIds(), id => Assert.Contains(id, ids));
        Assert.True(reader.Reread);
    }

    [Fact]
    public async Task A_user_added_mid_read_is_read_too()
    {
        Emulator.SeedUsers(46);
        var client = Client(o => { o.PageSize = 10; o.MaxConcurrency = 4; });
        var reader = client.ListUsers();
        var first = (await reader.ReadPageAsync())!.ToList();

        Emulator.SeedUsers(1, "late.user");
        var all = await ReadAll(reader, first);

        Assert.Equal(StoredIds().OrderBy(id => id), all.Select(u => u.Id).OrderBy(id => id));
        Assert.True(reader.Reread);
    }

    [Fact]
    public async Task A_page_short_of_what_its_position_implies_is_never_taken_as_the_end()
    {
        Emulator.SeedUsers(46);
        // An empty page in the middle of the list: one page at a time this would have ended the read at user 20.
        Host.Context.Faults.Add(new FaultRule
        {
            PathPattern = "^/scim/v2/Users\\?startIndex=21&", Times = 1, StatusCode = 200, ContentType = "application/scim+json",
            Body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":50,\"startIndex\":21,\"itemsPerPage\":0,\"Resources\":[]}",
        });
        var client = Client(o => { o.PageSize = 10; o.MaxConcurrency = 4; });
        var reader = client.ListUsers();

        var all = await ReadAll(reader);

        Assert.Equal(StoredIds().OrderBy(id => id), all.Select(u => u.Id).OrderBy(id => id));
        Assert.True(reader.Reread);
    }

    [Fact]
    public async Task A_429_on_pages_read_ahead_lowers_the_limit_on_requests_in_flight_and_every_user_is_still_read()
    {
        Emulator.SeedUsers(196); // 200 users, 20 pages of 10, up to 16 asked for ahead
        Host.Context.Faults.Add(new FaultRule { PathPattern = "^/scim/v2/Users\\?startIndex=(51|101)&", Times = 2, StatusCode = 429, Headers = { ["Retry-After"] = "1" } });
        var log = new RecordingLog();
        var client = Client(o => { o.PageSize = 10; o.Log = log; });

        var all = await ReadAll(client.ListUsers());

        Assert.Equal(StoredIds().OrderBy(id => id), all.Select(u => u.Id).OrderBy(id => id));
        Assert.Equal(2, Requests("GET", "/Users?").Count(r => r.Status == 429));
        Assert.Equal(16, client.Concurrency.Ceiling);
        Assert.InRange(client.Concurrency.Cuts, 1, 2);
        var cuts = log.VerboseMessages.Where(m => m.Contains("requests in flight")).ToList();
        Assert.Equal(client.Concurrency.Cuts, cuts.Count);
        Assert.StartsWith("SCIM service: HTTP 429 (Retry-After 1 s) to GET /scim/v2/Users; requests in flight now at most ", cuts[0]);
    }
}
