using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;

namespace LmsSync.Core.Tests.Http;

/// <summary>
/// How fast <see cref="AdaptiveConcurrencyLimit"/> grows: slow start (one more per answer) until the first throttling
/// answer, then AIMD (one more per window). Driven by hand through leases, so the counts are exact.
/// </summary>
public sealed class ConcurrencySlowStartTests
{
    /// <summary>Keeps the limit in real use: takes every free slot, then answers the oldest request with <paramref name="outcome"/>.</summary>
    private sealed class Driver
    {
        private readonly Queue<AdaptiveConcurrencyLimit.Lease> _held = new();

        /// <summary>Starts with one answer that cannot count: the first request was sent alone (below half the limit).</summary>
        public Driver(AdaptiveConcurrencyLimit limit)
        {
            Limit = limit;
            Answer(ConcurrencyOutcome.Success);
            Assert.Equal(AdaptiveConcurrencyLimit.Initial, limit.Limit);
        }

        public AdaptiveConcurrencyLimit Limit { get; }

        public void Fill()
        {
            while (Limit.InFlight < Limit.Limit)
            {
                var lease = Limit.AcquireAsync(CancellationToken.None);
                Assert.True(lease.IsCompleted, "a free slot is granted at once");
                _held.Enqueue(lease.Result);
            }
        }

        public void Answer(ConcurrencyOutcome outcome)
        {
            Fill();
            Limit.Release(_held.Dequeue(), outcome);
        }
    }

    [Fact]
    public void Before_any_cut_each_answer_under_load_adds_one_so_sixteen_is_reached_after_twelve_answers()
    {
        var driver = new Driver(new AdaptiveConcurrencyLimit(16));
        var limits = new List<int>();

        for (var i = 0; i < 12; i++)
        {
            driver.Answer(ConcurrencyOutcome.Success);
            limits.Add(driver.Limit.Limit);
        }

        Assert.Equal(Enumerable.Range(5, 12), limits);
        driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(16, driver.Limit.Limit); // never past the ceiling
        Assert.Equal(16, driver.Limit.Highest);
    }

    [Fact]
    public void After_the_first_cut_it_grows_by_one_per_window_of_answers()
    {
        var driver = new Driver(new AdaptiveConcurrencyLimit(32));
        for (var i = 0; i < 8; i++) driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(12, driver.Limit.Limit);

        driver.Answer(ConcurrencyOutcome.Throttled);
        Assert.Equal(6, driver.Limit.Limit);

        // The eleven requests still in flight were sent before the cut: their answers prove nothing about 6.
        for (var i = 0; i < 11; i++) driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(6, driver.Limit.Limit);
        // Then six answers make one more, and seven the next.
        for (var i = 0; i < 5; i++) driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(6, driver.Limit.Limit);
        driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(7, driver.Limit.Limit);
        for (var i = 0; i < 6; i++) driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(7, driver.Limit.Limit);
        driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(8, driver.Limit.Limit);
    }

    [Fact]
    public async Task Answers_without_load_do_not_count_even_in_slow_start()
    {
        var limit = new AdaptiveConcurrencyLimit(16);

        for (var i = 0; i < 20; i++)
        {
            var lease = await limit.AcquireAsync(CancellationToken.None);
            limit.Release(lease, ConcurrencyOutcome.Success);
        }

        Assert.Equal(AdaptiveConcurrencyLimit.Initial, limit.Limit);
    }

    [Fact]
    public void Neutral_answers_leave_slow_start_as_it_is()
    {
        var driver = new Driver(new AdaptiveConcurrencyLimit(16));

        for (var i = 0; i < 5; i++) driver.Answer(ConcurrencyOutcome.Neutral);
        Assert.Equal(4, driver.Limit.Limit);
        driver.Answer(ConcurrencyOutcome.Success);
        Assert.Equal(5, driver.Limit.Limit);
        Assert.Equal(0, driver.Limit.Cuts);
    }
}
