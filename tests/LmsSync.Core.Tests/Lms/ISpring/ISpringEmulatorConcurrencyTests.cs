using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// The emulator serves reads concurrently, as a real account does, while writes stay atomic: a listing held inside the
/// store does not hold up other reads, and writes landing between or during pages never make a listing skip or repeat
/// a user (the paging contract: the token is a cursor, inserts and deletes do not shift it).
/// </summary>
public sealed class ISpringEmulatorConcurrencyTests : IClassFixture<ISpringSandboxFixture>
{
    /// <summary>Only against a hang: a read that never completes fails the test instead of blocking the run.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly ISpringSandboxFixture _sandbox;

    public ISpringEmulatorConcurrencyTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public async Task Other_reads_are_answered_while_a_listing_is_held_inside_the_store()
    {
        using var client = _sandbox.Client();
        await client.SignInAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var listings = 0;
        _sandbox.Store.WhileListing = () =>
        {
            if (Interlocked.Increment(ref listings) != 1) return;
            held.SetResult();
            release.Wait(Guard);
        };
        var mark = _sandbox.Host.Context.Requests.Mark;

        var first = client.ReadUsers().ReadPageAsync();
        await held.Task.WaitAsync(Guard);
        Task others;
        try
        {
            // While the first listing holds the store's read lock: a second listing, a user, the departments, the groups.
            others = Task.WhenAll(
                client.FindByLoginAsync("ann.lee"),
                client.GetUserAsync(_sandbox.UserId("bob.stone")),
                client.ReadDepartments().ReadAllAsync(),
                client.ReadGroups().ReadAllAsync());
            Assert.Same(others, await Task.WhenAny(others, Task.Delay(Guard)));
            Assert.False(first.IsCompleted);
        }
        finally
        {
            release.Set();
        }
        await others;
        Assert.Equal(5, (await first)!.Count);

        // The log holds requests in the order they were answered: the held listing last.
        var answered = _sandbox.Host.Context.Requests.Since(mark, "ispring").Select(r => r.Path).ToList();
        Assert.Equal(5, answered.Count);
        Assert.StartsWith("/ispring/users/v2?pageSize=", answered[^1]);
        Assert.DoesNotContain("logins", answered[^1]);
    }

    [Fact]
    public async Task Writes_between_pages_never_make_a_listing_skip_or_repeat_a_user()
    {
        var learners = _sandbox.Store.AddLearners(40);
        var before = _sandbox.Store.Snapshot().Users.Select(u => u.UserId).ToList();
        using var client = _sandbox.Client(configure: o => o.PageSize = 10);
        var reader = client.ReadUsers();
        var read = (await reader.ReadPageAsync())!.Select(u => u.UserId).ToList();

        // After the first page: a user already read and one not yet read are deleted, one not yet read moves, one is created.
        var deletedUnread = learners[30];
        _sandbox.Store.DeleteUser(read[^1]);
        _sandbox.Store.DeleteUser(deletedUnread);
        _sandbox.Store.MoveUsers(_sandbox.DepartmentId("Support"), new[] { learners[20] });
        var created = _sandbox.Store.AddLearners(1).Single();
        read.AddRange((await reader.ReadAllAsync()).Select(u => u.UserId));

        // Everyone there throughout, once, in order; the one read before it was deleted stays; the new one comes last.
        Assert.Equal(before.Where(id => id != deletedUnread).Append(created), read);
    }

    [Fact]
    public async Task Concurrent_listings_and_writes_stay_consistent()
    {
        var learners = _sandbox.Store.AddLearners(400);
        var original = _sandbox.Store.Snapshot().Users.Select(u => u.UserId).ToList();
        var deleted = learners.Where((_, i) => i % 9 == 0).ToHashSet();
        var support = _sandbox.DepartmentId("Support");
        var onboarding = _sandbox.GroupId("Onboarding");
        using var client = _sandbox.Client(configure: o => { o.PageSize = 7; o.MaxConcurrentRequests = 8; });

        // Two whole listings and a department-filtered one, while another thread writes: deletes, moves, group changes, creates.
        async Task<List<string>> ListAsync(ISpringUserQuery? query)
        {
            var reader = client.ReadUsers(query);
            reader.ReadAhead = true;
            return (await reader.ReadAllAsync()).Select(u => u.UserId).ToList();
        }
        var writes = Task.Run(() =>
        {
            for (var i = 0; i < learners.Count; i++)
            {
                if (deleted.Contains(learners[i])) _sandbox.Store.DeleteUser(learners[i]);
                else if (i % 9 == 1) _sandbox.Store.MoveUsers(support, new[] { learners[i] });
                else if (i % 9 == 2) _sandbox.Store.ReplaceMembers(onboarding, new[] { learners[i] });
                else if (i % 9 == 3) _sandbox.Store.AddLearners(1);
            }
        });
        var supportQuery = new ISpringUserQuery();
        supportQuery.DepartmentIds.Add(support);
        var listings = new[] { ListAsync(null), ListAsync(null), ListAsync(supportQuery) };
        await writes;
        var results = await Task.WhenAll(listings);

        var now = _sandbox.Store.Snapshot().Users.Select(u => u.UserId).ToHashSet();
        foreach (var listed in results.Take(2))
        {
            Assert.Equal(listed.Count, listed.Distinct().Count());
            // Every user there from start to end is listed once; nobody listed is unknown.
            Assert.All(original.Where(id => !deleted.Contains(id)), id => Assert.Contains(id, listed));
            Assert.All(listed, id => Assert.True(now.Contains(id) || deleted.Contains(id), id));
        }
        Assert.Equal(results[2].Count, results[2].Distinct().Count());
        Assert.All(results[2], id => Assert.True(now.Contains(id) || deleted.Contains(id), id));
    }
}
