using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.Faults;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// User pages parsed token by token from the response stream, with the next page read ahead: the same users as the
/// emulator holds, every shape iSpring sends, and the same typed errors, retries and re-sign-in as before.
/// </summary>
public sealed class ISpringStreamedPageTests : IClassFixture<ISpringSandboxFixture>
{
    private const string Ann = "{\"userId\":\"u-1\",\"departmentId\":\"d-1\",\"status\":1,\"role\":\"learner\",\"fields\":{\"login\":\"ann\",\"EMAIL\":\"ann@x.example\",\"USER_DEFINED_FIELD1\":\"005A\",\"job_title\":null},\"groups\":[\"g-1\",\"\",\"g-2\"],\"addedDate\":\"2024-01-02T03:04:05Z\",\"lastLoginDate\":null}";
    private const string Bob = "{\"roleId\":\"r\",\"userRoles\":[{\"roleId\":\"r\",\"manageableDepartmentIds\":[]}],\"userId\":\"u-2\",\"status\":\"3\",\"fields\":[{\"name\":\"LOGIN\",\"value\":\"bob\"},{\"value\":5,\"name\":\"phone\"},{\"name\":\"\",\"value\":\"ignored\"},{\"name\":\"country\",\"value\":null},\"not-an-object\"],\"subordination\":{\"subordinationType\":\"no_supervisor\"}}";

    private readonly ISpringSandboxFixture _sandbox;

    public ISpringStreamedPageTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static async Task<List<ISpringUser>> ReadAllAsync(ISpringPageReader<ISpringUser> reader)
    {
        var users = new List<ISpringUser>();
        IReadOnlyList<ISpringUser>? page;
        while ((page = await reader.ReadPageAsync()) != null) users.AddRange(page);
        return users;
    }

    private void Serve(string queryPattern, string body) =>
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2" + queryPattern, Times = 1, StatusCode = 200, Body = body });

    [Theory]
    [InlineData(ISpringFieldsShape.Array)]
    [InlineData(ISpringFieldsShape.Object)]
    public async Task A_read_ahead_listing_returns_exactly_what_the_emulator_holds(ISpringFieldsShape shape)
    {
        _sandbox.Emulator.Behaviour = new ISpringBehaviour { FieldsShape = shape };
        _sandbox.Store.AddLearners(23);
        using var client = _sandbox.Client(configure: o => o.PageSize = 5);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;

        var users = await ReadAllAsync(reader);

        var stored = _sandbox.Store.Snapshot().Users;
        Assert.Equal(stored.Select(u => u.UserId), users.Select(u => u.UserId));
        foreach (var (read, held) in users.Zip(stored))
        {
            Assert.Equal(held.DepartmentId, read.DepartmentId);
            Assert.Equal(held.Status, read.StatusCode);
            Assert.Equal(held.Role, read.Role);
            Assert.Equal(held.Fields.Count, read.Fields.Count);
            Assert.All(held.Fields, f => Assert.Equal(f.Value, read.Field(f.Key)));
            Assert.Equal(held.AddedDate.ToUnixTimeSeconds(), read.AddedDate!.Value.ToUnixTimeSeconds());
            Assert.Equal((await client.GetUserAsync(held.UserId)).GroupIds, read.GroupIds);
        }
        Assert.Contains(users, u => u.GroupIds.Count > 0);
        Assert.Equal(6, _sandbox.Calls().Count(c => c == "GET /users/v2")); // 28 users in pages of 5: no request past the last page
    }

    [Fact]
    public async Task Every_shape_iSpring_sends_is_read_and_a_repeated_token_ends_the_listing()
    {
        // Page 1 carries its token before the items and both fields shapes; page 2 is empty; page 3 repeats its own token.
        Serve("\\?pageSize=10$", "{\"nextPageToken\":\"t1\",\"unknown\":{\"deep\":[1,{\"x\":2}]},\"userProfiles\":[" + Ann + ",42," + Bob + "]}");
        Serve(".*pageToken=t1$", "{\"userProfiles\":[],\"nextPageToken\":\"t2\"}");
        Serve(".*pageToken=t2$", "{\"userProfiles\":[" + Ann.Replace("u-1", "u-3") + "],\"nextPageToken\":\"t2\"}");
        using var client = _sandbox.Client(configure: o => o.PageSize = 10);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;

        var users = await ReadAllAsync(reader);

        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, users.Select(u => u.UserId));
        var ann = users[0];
        Assert.Equal(("d-1", 1, "learner"), (ann.DepartmentId, ann.StatusCode, ann.Role));
        Assert.Equal(3, ann.Fields.Count);
        Assert.Equal(("ann", "ann@x.example", "005A"), (ann.Login, ann.Email, ann.Field("USER_DEFINED_FIELD1")));
        Assert.Equal(new[] { "g-1", "g-2" }, ann.GroupIds);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), ann.AddedDate);
        Assert.Null(ann.LastLoginDate);
        var bob = users[1];
        Assert.Equal(("", 3, ""), (bob.DepartmentId, bob.StatusCode, bob.Role));
        Assert.Equal("bob", bob.Login);
        Assert.Equal("5", bob.Field("PHONE"));
        Assert.Equal(2, bob.Fields.Count);
        Assert.Empty(bob.GroupIds);
        Assert.Equal(3, reader.PagesRead);
        Assert.Equal(3, _sandbox.Calls().Count(c => c == "GET /users/v2"));
    }

    [Fact]
    public async Task A_token_look_alike_in_a_field_value_or_a_nested_member_is_not_followed()
    {
        var decoy = Ann.Replace("\"job_title\":null", "\"job_title\":\"\\\"nextPageToken\\\":\\\"evil\\\"\",\"nextPageToken\":\"evil\"");
        Serve("\\?pageSize=10$", "{\"userProfiles\":[" + decoy + "],\"meta\":{\"nextPageToken\":\"evil\"},\"nextPageToken\":\"t1\"}");
        Serve(".*pageToken=t1$", "{\"userProfiles\":[" + Ann.Replace("u-1", "u-2") + "]}");
        using var client = _sandbox.Client(configure: o => o.PageSize = 10);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;

        var users = await ReadAllAsync(reader);

        Assert.Equal(new[] { "u-1", "u-2" }, users.Select(u => u.UserId));
        Assert.Equal("\"nextPageToken\":\"evil\"", users[0].Field("job_title"));
        var listed = _sandbox.Host.Context.Requests.Since(0, "ispring").Select(r => r.Path).Where(p => p.Contains("/users/v2")).ToList();
        Assert.Equal(2, listed.Count);
        Assert.EndsWith("pageToken=t1", listed[1]);
    }

    [Fact]
    public async Task A_read_ahead_page_that_stays_cut_mid_page_is_the_typed_error_after_the_pages_before_it()
    {
        var cut = "{\"userProfiles\":[" + Ann.Replace("u-1", "u-2") + "," + Ann.Substring(0, 40);
        Serve("\\?pageSize=10$", "{\"userProfiles\":[" + Ann + "],\"nextPageToken\":\"t1\"}");
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2.*pageToken=t1$", StatusCode = 200, Body = cut });
        using var client = _sandbox.Client(configure: o => o.PageSize = 10);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;

        var first = await reader.ReadPageAsync();
        var error = await Assert.ThrowsAsync<ISpringApiException>(() => reader.ReadPageAsync());

        Assert.Equal(new[] { "u-1" }, first!.Select(u => u.UserId));
        Assert.Equal(("GET /users/v2", 0), (error.Operation, error.StatusCode));
        Assert.Contains("not the JSON expected", error.Message);
        Assert.Equal(3, _sandbox.Calls().Count(c => c == "GET /users/v2")); // the cut page was asked for twice
    }

    [Fact]
    public async Task After_a_page_that_does_not_parse_asking_again_fetches_that_page_not_the_next()
    {
        // Page 2's token is found, and page 3 read ahead, before page 2's user without an id is parsed.
        Serve("\\?pageSize=10$", "{\"userProfiles\":[" + Ann + "],\"nextPageToken\":\"t1\"}");
        Serve(".*pageToken=t1$", "{\"userProfiles\":[{\"departmentId\":\"d-1\"}],\"nextPageToken\":\"t2\"}");
        Serve(".*pageToken=t1$", "{\"userProfiles\":[" + Ann.Replace("u-1", "u-2") + "],\"nextPageToken\":\"t2\"}");
        // Twice: once for the read-ahead made before page 2 failed, once for the read after page 2 is fetched again.
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2.*pageToken=t2$", Times = 2, StatusCode = 200, Body = "{\"userProfiles\":[" + Ann.Replace("u-1", "u-3") + "]}" });
        using var client = _sandbox.Client(configure: o => o.PageSize = 10);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;

        var first = await reader.ReadPageAsync();
        var error = await Assert.ThrowsAsync<ISpringApiException>(() => reader.ReadPageAsync());
        var rest = await ReadAllAsync(reader);

        Assert.Contains("'userId' is missing", error.Message);
        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, first!.Concat(rest).Select(u => u.UserId));
        var tokens = _sandbox.Host.Context.Requests.Since(0, "ispring").Select(r => r.Path).Where(p => p.Contains("/users/v2"))
            .Select(p => p.Contains("pageToken=") ? p.Substring(p.IndexOf("pageToken=", StringComparison.Ordinal) + 10) : "").ToList();
        Assert.Equal(2, tokens.Count(t => t == "t1"));
    }

    [Fact]
    public async Task A_page_that_stays_cut_short_is_fetched_twice_then_a_typed_error()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2", Kind = FaultKind.MalformedBody });
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.ReadUsers().ReadPageAsync());

        Assert.Equal(("GET /users/v2", 0), (error.Operation, error.StatusCode));
        Assert.Contains("not the JSON expected", error.Message);
        Assert.Equal(2, _sandbox.Calls().Count(c => c == "GET /users/v2"));
    }

    [Fact]
    public async Task A_page_cut_short_once_is_fetched_again()
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2", Times = 1, Kind = FaultKind.MalformedBody });
        using var client = _sandbox.Client();

        var users = await ReadAllAsync(client.ReadUsers());

        Assert.Equal(5, users.Count);
    }

    [Theory]
    [InlineData("{\"userProfiles\":[{\"departmentId\":\"d-1\"}]}", "'userId' is missing")]
    [InlineData("{\"userProfiles\":[{\"userId\":{\"id\":1}}]}", "'userId' is not a single value")]
    [InlineData("[{\"userId\":\"u-1\"}]", "expected a JSON object, got Array")]
    [InlineData("{\"userProfiles\":[]} {}", "not the JSON expected")]
    public async Task A_well_formed_page_of_the_wrong_shape_is_a_typed_error(string body, string message)
    {
        _sandbox.Host.Context.Faults.Add(new FaultRule { PathPattern = "^/ispring/users/v2", StatusCode = 200, Body = body });
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.ReadUsers().ReadPageAsync());

        Assert.Equal(0, error.StatusCode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_token_that_expires_mid_listing_is_renewed_once_and_no_user_is_lost()
    {
        _sandbox.Store.AddLearners(15);
        using var client = _sandbox.Client(configure: o => o.PageSize = 5);
        var reader = client.ReadUsers();
        reader.ReadAhead = true;
        var first = await reader.ReadPageAsync();

        _sandbox.Host.Context.Clock.Advance(TimeSpan.FromSeconds(1801));
        var rest = await ReadAllAsync(reader);

        Assert.Equal(_sandbox.Store.Snapshot().Users.Select(u => u.UserId), first!.Concat(rest).Select(u => u.UserId));
        Assert.Equal(2, client.SignIns);
        Assert.Equal(2, _sandbox.Calls().Count(c => c == "POST /api/v3/token"));
    }
}
