using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>Groups: create, find, join and leave one member at a time (PATCH on /Groups/{id}).</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimGroupContractTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Maria = "a0000000-0000-4000-8000-000000000002";
    private const string Tom = "a0000000-0000-4000-8000-000000000003";
    private const string Yuki = "a0000000-0000-4000-8000-000000000004";
    private const string Trainers = "c0000000-0000-4000-8000-000000000002";

    [Fact]
    public async Task Create_and_find_a_group()
    {
        var client = Client();

        var created = await client.CreateGroupAsync("Sales EMEA", externalId: "00G5g000001SalesAAA");
        var found = await client.FindGroupByDisplayNameAsync("sales emea");

        Assert.Equal(created.Id, found!.Id);
        Assert.Equal("00G5g000001SalesAAA", found.ExternalId);
        Assert.Empty(found.MemberIds);
        Assert.Null(await client.FindGroupByDisplayNameAsync("Nobody's group"));
    }

    [Fact]
    public async Task A_duplicate_group_name_is_a_conflict()
    {
        var error = await Assert.ThrowsAsync<ScimException>(() => Client().CreateGroupAsync("trainers"));

        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task Join_adds_one_member_and_leaves_the_others()
    {
        var client = Client();

        await client.JoinGroupAsync(Trainers, Tom);
        await client.JoinGroupAsync(Trainers, Tom); // already a member: no duplicate

        var group = await client.GetGroupAsync(Trainers);
        Assert.Equal(new[] { Maria, Yuki, Tom }, group!.MemberIds);
        var tom = await client.GetUserAsync(Tom);
        Assert.Contains("\"display\": \"Trainers\"", tom!.ToJson());
    }

    [Fact]
    public async Task Leave_removes_one_member_by_value_filter()
    {
        var client = Client();

        await client.LeaveGroupAsync(Trainers, Maria);

        Assert.Equal(new[] { Yuki }, (await client.GetGroupAsync(Trainers))!.MemberIds);
    }

    [Fact]
    public async Task Leaving_a_group_one_is_not_in_is_not_an_error()
    {
        var client = Client();

        await client.LeaveGroupAsync(Trainers, Tom); // the filter matches nobody: 400 noTarget, then a read shows nothing to do

        Assert.Equal(new[] { Maria, Yuki }, (await client.GetGroupAsync(Trainers))!.MemberIds);
        Assert.Equal(400, Requests("PATCH").Single().Status);
    }

    [Fact]
    public async Task Removing_members_some_of_whom_left_already_removes_the_rest()
    {
        var client = Client();

        await client.RemoveGroupMembersAsync(Trainers, new[] { Tom, Maria });

        Assert.Equal(new[] { Yuki }, (await client.GetGroupAsync(Trainers))!.MemberIds);
        Assert.Equal(new[] { 400, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task Many_members_are_added_in_chunks()
    {
        Emulator.SeedUsers(ScimClient.MembersPerPatch + 5);
        Switch(b => b.MaxPageSize = 200);
        var client = Client(o => o.PageSize = 200);
        var group = await client.CreateGroupAsync("Everyone");
        var ids = (await client.ListUsers().ReadPageAsync())!.Select(u => u.Id).ToList();

        await client.AddGroupMembersAsync(group.Id, ids);

        Assert.Equal(ids.Count, (await client.GetGroupAsync(group.Id))!.MemberIds.Count);
        Assert.Equal(2, Requests("PATCH").Count);
    }

    [Fact]
    public async Task A_member_that_is_no_user_is_refused()
    {
        var error = await Assert.ThrowsAsync<ScimException>(() => Client().JoinGroupAsync(Trainers, "not-a-user"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalidValue", error.ScimType);
    }
}
