using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>The vendor quirks of lms-apis.md §3.2, each switched on in the emulator: the client must work with every one.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimQuirkTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Tom = "a0000000-0000-4000-8000-000000000003";

    [Fact]
    public async Task Active_sent_as_the_string_False_reads_as_inactive()
    {
        Switch(b => b.ActiveAsString = true);
        var client = Client();

        var yuki = (await client.FindUserByUserNameAsync("yuki.tanaka@lms.example"))!;
        var tom = (await client.DeactivateUserAsync(Tom))!;

        Assert.False(yuki.Active);
        Assert.False(tom.Active);
        Assert.True((await client.ReactivateUserAsync(Tom))!.Active);
        Assert.Equal("True", (string?)StoredUser("tom.becker@lms.example")["active"]);
    }

    [Fact]
    public async Task A_409_as_an_RFC_7807_problem_is_still_a_conflict_with_the_detail()
    {
        Switch(b => b.ProblemJsonConflicts = true);

        var error = await Assert.ThrowsAsync<ScimException>(() => Client().CreateUserAsync(new ScimNewUser("tom.becker@lms.example")));

        Assert.True(error.IsConflict);
        Assert.Null(error.ScimType);
        Assert.Contains("already taken", error.Detail);
    }

    [Fact]
    public async Task A_PATCH_answered_204_without_a_body_still_updates()
    {
        Switch(b => b.PatchReturnsNoContent = true);
        var client = Client();
        var user = await client.CreateUserAsync(new ScimNewUser("nocontent@acme.example").Set("title", "A"));

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("title", "B"));
        var off = await client.DeactivateUserAsync(user.Id);
        // The ETag header of the 204 keeps If-Match working: the next write is not a 412.
        var on = await client.ReactivateUserAsync(user.Id);

        Assert.Null(updated);
        Assert.Null(off);
        Assert.Null(on);
        Assert.Equal("B", (string?)StoredUser("nocontent@acme.example")["title"]);
        Assert.True((bool)StoredUser("nocontent@acme.example")["active"]!);
        Assert.All(Requests("PATCH"), r => Assert.Equal(204, r.Status));
    }

    [Fact]
    public async Task A_Location_without_the_id_does_not_matter_the_body_has_it()
    {
        Switch(b => b.LocationWithoutId = true);
        var client = Client();

        var user = await client.CreateUserAsync(new ScimNewUser("noid@acme.example"));
        var group = await client.CreateGroupAsync("No id in Location");

        Assert.Equal((string?)StoredUser("noid@acme.example")["id"], user.Id);
        Assert.NotNull(await client.GetGroupAsync(group.Id));
    }

    [Fact]
    public async Task No_ETag_header_falls_back_to_meta_version()
    {
        Switch(b => b.OmitETagHeader = true);
        var client = Client();
        var user = await client.CreateUserAsync(new ScimNewUser("metaversion@acme.example"));
        await Client().UpdateUserAsync(user, new ScimUserChanges().Set("title", "elsewhere"));

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("nickName", "mv"));

        Assert.Equal("W/\"1\"", user.Version);
        Assert.Equal("mv", updated!.Get("nickName"));
        Assert.Equal(new[] { 200, 412, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task A_service_that_takes_active_only_without_path_is_learned_once()
    {
        Switch(b => b.PathlessActiveOnly = true);
        var client = Client();

        await client.DeactivateUserAsync(Tom);
        await client.ReactivateUserAsync(Tom);
        await client.DeactivateUserAsync(Tom);

        Assert.False((bool)StoredUser("tom.becker@lms.example")["active"]!);
        Assert.Equal(new[] { 400, 200, 200, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task The_path_less_style_can_be_chosen_up_front()
    {
        Switch(b => b.PathlessActiveOnly = true);
        var client = Client(o => o.ActiveStyle = ScimActiveStyle.WithoutPath);

        await client.DeactivateUserAsync(Tom);

        Assert.Equal(new[] { 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task PascalCase_ops_accepted_by_the_service_change_nothing_for_the_client()
    {
        Switch(b => b.AcceptPascalCaseOps = true);
        var client = Client();

        await client.DeactivateUserAsync(Tom);
        await client.LeaveGroupAsync("c0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000002");

        Assert.All(Requests("PATCH"), r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Plain_application_json_answers_are_read_the_same()
    {
        Switch(b => b.PlainJsonContentType = true);
        var client = Client();

        Assert.Equal(4, await client.CountUsersAsync());
        Assert.Equal("Tom", (await client.GetUserAsync(Tom))!.GivenName);
    }
}
