using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>Joins and leaves on iSpring's replace-all groups never drop members the integration does not manage.</summary>
public sealed class ISpringGroupContractTests : IClassFixture<ISpringSandboxFixture>
{
    private readonly ISpringSandboxFixture _sandbox;

    public ISpringGroupContractTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private string[] Members(string group) => _sandbox.Store.GetGroup(_sandbox.GroupId(group)).UserIds.ToArray();

    [Fact]
    public async Task Groups_list_page_by_page_with_smart_ones_flagged()
    {
        using var client = _sandbox.Client(configure: o => o.PageSize = 2);

        var reader = client.ReadGroups();
        var groups = await reader.ReadAllAsync();

        Assert.Equal(new[] { "Onboarding", "Managers", "All Sales" }, groups.Select(g => g.Name));
        Assert.True(groups.Single(g => g.Name == "All Sales").IsSmart);
        Assert.Equal(2, reader.PagesRead);
    }

    [Fact]
    public async Task Create_a_group_and_a_duplicate_name_is_a_409()
    {
        using var client = _sandbox.Client();

        var id = await client.CreateGroupAsync("Salesforce: Partners");
        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateGroupAsync("Salesforce: Partners"));

        Assert.Equal("Salesforce: Partners", (await client.GetGroupAsync(id)).Group.Name);
        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task Join_rewrites_the_list_with_everyone_already_in_it()
    {
        using var client = _sandbox.Client();
        var before = Members("Onboarding");
        var carla = _sandbox.UserId("carla.diaz");

        await client.JoinGroupAsync(_sandbox.GroupId("Onboarding"), carla);

        Assert.Equal(before.Append(carla), Members("Onboarding"));
        Assert.Equal(new[] { "POST /api/v3/token", "GET /group/" + _sandbox.GroupId("Onboarding"), "POST /group/" + _sandbox.GroupId("Onboarding") + "/members", "GET /group/" + _sandbox.GroupId("Onboarding") }, _sandbox.Calls());
    }

    [Fact]
    public async Task Joining_a_group_one_is_already_in_writes_nothing()
    {
        using var client = _sandbox.Client();

        await client.JoinGroupAsync(_sandbox.GroupId("Onboarding"), _sandbox.UserId("ann.lee"));

        Assert.DoesNotContain(_sandbox.Calls(), c => c.EndsWith("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leave_by_default_uses_the_per_user_removal_and_keeps_everyone_else()
    {
        using var client = _sandbox.Client();
        var ann = _sandbox.UserId("ann.lee");

        await client.LeaveGroupAsync(_sandbox.GroupId("Onboarding"), ann);

        Assert.Equal(new[] { _sandbox.UserId("bob.stone") }, Members("Onboarding"));
        Assert.Contains("POST /user/" + ann + "/groups/remove", _sandbox.Calls());
        Assert.DoesNotContain(_sandbox.Calls(), c => c.EndsWith("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leave_by_rewrite_keeps_everyone_else()
    {
        using var client = _sandbox.Client(configure: o => o.GroupLeaveMode = ISpringGroupLeaveMode.RewriteMembers);

        await client.LeaveGroupAsync(_sandbox.GroupId("Managers"), _sandbox.UserId("dan.fox"));

        Assert.Equal(new[] { _sandbox.UserId("admin") }, Members("Managers"));
    }

    [Fact]
    public async Task Concurrent_joins_to_one_group_all_land_in_far_fewer_writes_and_keep_the_hand_made_members()
    {
        var learners = _sandbox.Store.AddLearners(40);
        var handMade = Members("Onboarding");
        using var client = _sandbox.Client(configure: o => o.MaxConcurrentRequests = 4);
        var group = _sandbox.GroupId("Onboarding");

        await Task.WhenAll(learners.Select(id => Task.Run(() => client.JoinGroupAsync(group, id))));

        var members = Members("Onboarding");
        Assert.Equal(42, members.Length);
        Assert.Subset(members.ToHashSet(), handMade.ToHashSet());
        Assert.Subset(members.ToHashSet(), learners.ToHashSet());
        Assert.InRange(_sandbox.Calls().Count(c => c.EndsWith("/members", StringComparison.Ordinal)), 1, 20);
    }

    [Fact]
    public async Task Concurrent_joins_and_leaves_mixed_end_right()
    {
        var learners = _sandbox.Store.AddLearners(10);
        using var client = _sandbox.Client(configure: o => o.GroupLeaveMode = ISpringGroupLeaveMode.RewriteMembers);
        var group = _sandbox.GroupId("Onboarding");

        await Task.WhenAll(learners.Select(id => Task.Run(() => client.JoinGroupAsync(group, id)))
            .Append(Task.Run(() => client.LeaveGroupAsync(group, _sandbox.UserId("ann.lee")))));

        Assert.Equal(learners.Append(_sandbox.UserId("bob.stone")).OrderBy(x => x), Members("Onboarding").OrderBy(x => x));
    }

    [Fact]
    public async Task A_batch_of_changes_is_one_round()
    {
        var learners = _sandbox.Store.AddLearners(3);
        using var client = _sandbox.Client();
        var group = _sandbox.GroupId("Onboarding");

        await client.ChangeGroupMembersAsync(group, learners, new[] { _sandbox.UserId("bob.stone") });

        Assert.Equal(new[] { _sandbox.UserId("ann.lee") }.Concat(learners), Members("Onboarding"));
        Assert.Single(_sandbox.Calls(), c => c.EndsWith("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_writer_undoing_our_join_right_after_it_is_detected_and_the_join_redone()
    {
        var group = _sandbox.GroupId("Onboarding");
        var carla = _sandbox.UserId("carla.diaz");
        var foreignWrites = 0;
        _sandbox.Emulator.AfterMembersWritten = id =>
        {
            // Another admin's replace-all, from a list they read before our write, lands once right after ours.
            if (Interlocked.Increment(ref foreignWrites) == 1) _sandbox.Store.ReplaceMembers(id, new[] { _sandbox.UserId("ann.lee"), _sandbox.UserId("bob.stone") });
        };
        using var client = _sandbox.Client();

        await client.JoinGroupAsync(group, carla);

        Assert.Contains(carla, Members("Onboarding"));
        Assert.Equal(2, _sandbox.Calls().Count(c => c.EndsWith("/members", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_group_that_keeps_being_overwritten_gives_up_with_a_conflict()
    {
        var group = _sandbox.GroupId("Onboarding");
        _sandbox.Emulator.AfterMembersWritten = id => _sandbox.Store.ReplaceMembers(id, Array.Empty<string>());
        using var client = _sandbox.Client(configure: o => o.MaxGroupWriteAttempts = 2);

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.JoinGroupAsync(group, _sandbox.UserId("carla.diaz")));

        Assert.True(error.IsConflict);
        Assert.Contains("kept changing", error.Message);
    }

    [Theory]
    [InlineData(ISpringGroupJoinMode.RewriteMembers)]
    [InlineData(ISpringGroupJoinMode.UserGroupIds)]
    public async Task A_smart_group_is_never_written(ISpringGroupJoinMode mode)
    {
        using var client = _sandbox.Client(configure: o => o.GroupJoinMode = mode);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.JoinGroupAsync(_sandbox.GroupId("All Sales"), _sandbox.UserId("bob.stone")));

        Assert.Contains("smart group", error.Message);
        Assert.DoesNotContain(_sandbox.Calls(), c => c.StartsWith("POST /group", StringComparison.Ordinal) || c.StartsWith("POST /user", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ISpringGroupIdsOnUpdate.Add)]
    [InlineData(ISpringGroupIdsOnUpdate.Replace)]
    public async Task Join_through_the_users_groupIds_keeps_the_users_other_groups_whichever_way_the_server_reads_it(ISpringGroupIdsOnUpdate serverReading)
    {
        _sandbox.Emulator.Behaviour = new ISpringBehaviour { GroupIdsOnUpdate = serverReading };
        using var client = _sandbox.Client(configure: o => o.GroupJoinMode = ISpringGroupJoinMode.UserGroupIds);
        var dan = _sandbox.UserId("dan.fox");

        await client.JoinGroupAsync(_sandbox.GroupId("Onboarding"), dan);

        Assert.Contains(dan, Members("Onboarding"));
        Assert.Contains(dan, Members("Managers"));
        Assert.Contains(dan, Members("All Sales"));
        Assert.Equal(2, Members("Managers").Length);
        Assert.DoesNotContain(_sandbox.Calls(), c => c.EndsWith("/members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_user_from_several_groups_is_one_call()
    {
        using var client = _sandbox.Client();
        var ann = _sandbox.UserId("ann.lee");
        var dan = _sandbox.UserId("dan.fox");
        await client.JoinGroupAsync(_sandbox.GroupId("Managers"), ann);

        await client.RemoveUserFromGroupsAsync(ann, new[] { _sandbox.GroupId("Onboarding"), _sandbox.GroupId("Managers") });

        Assert.DoesNotContain(ann, Members("Onboarding"));
        Assert.Equal(new[] { _sandbox.UserId("admin"), dan }, Members("Managers"));
    }
}
