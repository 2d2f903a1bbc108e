using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LmsSync.Core.Lms.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>The client's own throttle, on a clock the test moves (no sleeping).</summary>
public sealed class SkyPrepRateLimiterTests
{
    private DateTimeOffset _now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _waits = new();

    private SkyPrepRateLimiter Limiter(int limit) => new(limit, TimeSpan.FromMinutes(1), () => _now,
        (wait, _) => { _waits.Add(wait); _now += wait; return Task.CompletedTask; });

    private async Task Send(SkyPrepRateLimiter limiter, TimeSpan took)
    {
        await limiter.WaitForTurnAsync(default);
        _now += took;
        limiter.Record();
    }

    [Fact]
    public async Task Up_to_the_limit_goes_without_waiting()
    {
        var limiter = Limiter(100);
        for (var i = 0; i < 100; i++) await Send(limiter, TimeSpan.FromMilliseconds(50));
        Assert.Empty(_waits);
        Assert.Equal(100, limiter.InWindow);
    }

    [Fact]
    public async Task The_next_call_waits_until_the_oldest_answer_is_a_window_plus_margin_old()
    {
        var limiter = Limiter(3);
        var first = _now;
        for (var i = 0; i < 3; i++) await Send(limiter, TimeSpan.FromSeconds(1));

        await limiter.WaitForTurnAsync(default);

        // The first answer arrived at first+1s; the slot frees a minute (plus margin) after that.
        Assert.Single(_waits);
        Assert.Equal(first + TimeSpan.FromSeconds(61) + SkyPrepRateLimiter.SafetyMargin, _now);
    }

    [Fact]
    public async Task In_any_sliding_minute_no_more_than_the_limit_are_sent()
    {
        var limiter = Limiter(10);
        var sent = new List<DateTimeOffset>();
        for (var i = 0; i < 150; i++)
        {
            await limiter.WaitForTurnAsync(default);
            sent.Add(_now);
            _now += TimeSpan.FromMilliseconds(20);
            limiter.Record();
        }

        for (var i = 10; i < sent.Count; i++) Assert.True(sent[i] - sent[i - 10] >= TimeSpan.FromMinutes(1), $"call {i} came {sent[i] - sent[i - 10]} after call {i - 10}");
        Assert.Equal(14, _waits.Count);
    }

    [Fact]
    public void A_limit_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Limiter(0));
}
