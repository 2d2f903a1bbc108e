using System;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>
/// The planner's per-user stages run in chunks on several threads for many users (<see cref="PerUser"/>); the plan is
/// the one a single thread makes: rows and their order, changes, reasons, organisation changes, stale links, summary.
/// </summary>
public sealed class ParallelPlanTests
{
    [Fact]
    public void A_plan_made_in_chunks_on_several_threads_is_the_plan_made_on_one()
    {
        // Chunks of one and three users: every stage is split, and a chunk boundary falls between any two users.
        var single = new PerUser(0, 1);
        var triple = new PerUser(0, 3);
        var rows = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var s = ConvergenceTests.RandomScenario(random);
            // The same user read twice: only the first record counts, whichever chunk holds the second.
            if (s.Users.Count > 0 && random.Next(4) == 0) s.Users.Add(Sf.Record(s.Users[random.Next(s.Users.Count)].SalesforceId, ("Email", "again@acme.com")));

            var sequential = SourceEvaluationTests.Describe(new PlanBuilder(s.Input(), PerUser.Sequential).Build());
            Assert.Equal(sequential, SourceEvaluationTests.Describe(new PlanBuilder(s.Input(), single).Build()));
            Assert.Equal(sequential, SourceEvaluationTests.Describe(new PlanBuilder(s.Input(), triple).Build()));
            if (s.Users.Count > 1) rows += s.Users.Count;
        }
        Assert.True(rows > 1000, $"only {rows} users planned in more than one chunk");
    }

    [Fact]
    public void Only_many_users_are_planned_on_several_threads()
    {
        Assert.False(PerUser.Default.Parallel(1_000));
        Assert.Equal(1, PerUser.Default.Chunks(1_000));
        Assert.Equal(Environment.ProcessorCount > 1, PerUser.Default.Parallel(100_000));
        Assert.False(PerUser.Sequential.Parallel(int.MaxValue - 1));
        Assert.Equal(Environment.ProcessorCount > 1 ? 3 : 1, new PerUser(0, 4).Chunks(9));
    }

    [Fact]
    public void A_failure_in_a_chunk_is_thrown_as_itself()
    {
        var perUser = new PerUser(0, 1);
        var thrown = Assert.Throws<ArgumentException>(() => perUser.For(8, (from, to) =>
        {
            if (from <= 5 && 5 < to) throw new ArgumentException("user 5");
        }));
        Assert.Equal("user 5", thrown.Message);
    }

    [Fact]
    public void Every_user_is_in_exactly_one_chunk_numbered_in_order()
    {
        var perUser = new PerUser(0, 4);
        var seen = new int[10];
        var firsts = perUser.Map(10, (from, to) =>
        {
            for (var i = from; i < to; i++) System.Threading.Interlocked.Increment(ref seen[i]);
            return from;
        });
        Assert.All(seen, n => Assert.Equal(1, n));
        Assert.Equal(Environment.ProcessorCount > 1 ? new[] { 0, 4, 8 } : new[] { 0 }, firsts);
    }
}
