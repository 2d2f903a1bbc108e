using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>User groups against the SkyPrep emulator: list, create, join, leave, a user's groups.</summary>
public sealed class SkyPrepGroupContractTests(SkyPrepSandboxFixture fixture) : SkyPrepTestBase(fixture)
{
    [Fact]
    public async Task Seeded_groups_are_listed()
    {
        using var client = Client();
        var groups = await client.ListGroupsAsync();
        Assert.Equal(new[] { "Sales", "Support" }, groups.Select(g => g.Name));
    }

    [Fact]
    public async Task Groups_page_like_users()
    {
        for (var i = 1; i <= 12; i++) Emulator.State.AddGroup($"Team {i:D2}");
        using var client = Client(o => o.PageSize = 5);

        var groups = await client.ListGroupsAsync();

        Assert.Equal(14, groups.Count);
        Assert.Equal(3, Calls("get_user_groups").Count);
    }

    [Fact]
    public async Task Create_a_group_then_a_duplicate_name_is_409()
    {
        using var client = Client();

        var marketing = await client.CreateGroupAsync("Marketing");
        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateGroupAsync("marketing"));

        Assert.Contains(Emulator.State.Groups(), g => g.Id == marketing.Id && g.Name == "Marketing");
        Assert.Equal((SkyPrepErrorKind.Duplicate, 409), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task Join_and_leave_are_per_user_calls_and_idempotent()
    {
        using var client = Client();
        var bo = StoredUser("bo.baker@acme.example.com");
        var sales = Emulator.State.Groups().Single(g => g.Name == "Sales");
        var support = Emulator.State.Groups().Single(g => g.Name == "Support");

        await client.AddUserToGroupAsync(sales.Id, bo.Id);
        await client.AddUserToGroupAsync(sales.Id, bo.Id);
        await client.RemoveUserFromGroupAsync(support.Id, bo.Id);
        await client.RemoveUserFromGroupAsync(support.Id, bo.Id);

        Assert.Equal(new[] { sales.Id }, StoredUser("bo.baker@acme.example.com").GroupIds);
        Assert.Equal(2, Calls("add_users_to_user_group").Count);
        Assert.Contains(Wire, w => w.Body.Contains($"user_group_id={sales.Id}&user_ids={bo.Id}"));
    }

    [Fact]
    public async Task Membership_of_an_unknown_group_or_user_is_NotFound()
    {
        using var client = Client();
        var bo = StoredUser("bo.baker@acme.example.com");

        var noGroup = await Assert.ThrowsAsync<SkyPrepException>(() => client.AddUserToGroupAsync(999, bo.Id));
        var noUser = await Assert.ThrowsAsync<SkyPrepException>(() => client.AddUserToGroupAsync(1, 999));

        Assert.Equal(SkyPrepErrorKind.NotFound, noGroup.Kind);
        Assert.Equal("User 999 not found.", noUser.LmsMessage);
    }

    [Fact]
    public async Task Membership_method_and_parameter_names_are_options()
    {
        Emulator.Behaviour.AddUsersToGroupMethod = "add_user_to_user_group";
        Emulator.Behaviour.MembershipUserIdsParameter = "user_id";
        using var defaults = Client();
        var bo = StoredUser("bo.baker@acme.example.com");

        var unknown = await Assert.ThrowsAsync<SkyPrepException>(() => defaults.AddUserToGroupAsync(1, bo.Id));
        Assert.Equal(SkyPrepErrorKind.NotFound, unknown.Kind);
        Assert.Contains("Unknown API method", unknown.LmsMessage);

        using var configured = Client(o => { o.Names.AddUsersToGroupMethod = "add_user_to_user_group"; o.Names.MembershipUserIdsParameter = "user_id"; });
        await configured.AddUserToGroupAsync(1, bo.Id);
        Assert.Contains(1, StoredUser("bo.baker@acme.example.com").GroupIds);
    }

    [Fact]
    public async Task Groups_of_a_user_from_the_user_object_or_the_groups_filter()
    {
        var cy = StoredUser("cy.chen@acme.example.com");
        using var fromUser = Client();
        Assert.Equal(new[] { "Sales", "Support" }, (await fromUser.GetGroupsOfUserAsync(cy.Id)).Select(g => g.Name));

        Emulator.Behaviour.UserObjectListsGroups = false;
        var missing = await Assert.ThrowsAsync<SkyPrepException>(() => fromUser.GetGroupsOfUserAsync(cy.Id));
        Assert.Contains("GetUserGroupsFilter", missing.Message);

        using var filtered = Client(o => o.GroupsOfUser = SkyPrepGroupsOfUser.GetUserGroupsFilter);
        Assert.Equal(new[] { "Sales", "Support" }, (await filtered.GetGroupsOfUserAsync(cy.Id)).Select(g => g.Name));
        Assert.Empty(await filtered.GetGroupsOfUserAsync(StoredUser("di.doyle@acme.example.com").Id));
    }
}
