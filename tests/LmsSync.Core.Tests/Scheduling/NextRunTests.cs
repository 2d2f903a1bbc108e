using System;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>Next-run computation for each trigger form against a fixed clock (Monday 2 March 2026).</summary>
public sealed class NextRunTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);

    private static string Next(string trigger, string now) => ScheduleTrigger.Parse(trigger).NextRun(At(now), Utc).ToString("ddd yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("daily 02:00", "2026-03-02T01:59:00", "Mon 2026-03-02 02:00")]
    [InlineData("daily 02:00", "2026-03-02T02:00:00", "Tue 2026-03-03 02:00")] // due exactly now: that run is this one, the next is tomorrow
    [InlineData("daily 02:00", "2026-03-02T23:00:00", "Tue 2026-03-03 02:00")]
    [InlineData("every 60m", "2026-03-02T10:30:00", "Mon 2026-03-02 11:00")]
    [InlineData("every 60m", "2026-03-02T23:30:00", "Tue 2026-03-03 00:00")]
    [InlineData("every 7m", "2026-03-02T23:56:00", "Tue 2026-03-03 00:00")] // the pattern restarts at midnight
    [InlineData("every 45m 08:00-18:00", "2026-03-02T06:00:00", "Mon 2026-03-02 08:00")]
    [InlineData("every 45m 08:00-18:00", "2026-03-02T09:00:00", "Mon 2026-03-02 09:30")]
    [InlineData("every 45m 08:00-18:00", "2026-03-02T17:45:00", "Tue 2026-03-03 08:00")]
    [InlineData("every 60m 08:00-18:00", "2026-03-02T17:30:00", "Mon 2026-03-02 18:00")] // the stop is inclusive
    [InlineData("every 45m 08:00-18:00 on Mon,Tue,Wed,Thu,Fri", "2026-03-06T18:00:00", "Mon 2026-03-09 08:00")] // Friday evening → Monday
    [InlineData("daily 06:30 on Sat,Sun", "2026-03-02T12:00:00", "Sat 2026-03-07 06:30")]
    [InlineData("daily 06:30 on Sun", "2026-03-08T06:30:00", "Sun 2026-03-15 06:30")] // a full week ahead
    public void The_next_run_follows_the_trigger(string trigger, string now, string expected) => Assert.Equal(expected, Next(trigger, now));

    [Fact]
    public void The_next_run_is_in_the_schedulers_local_time()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+02", TimeSpan.FromHours(2), "UTC+02", "UTC+02");
        var next = ScheduleTrigger.Parse("daily 02:00").NextRun(At("2026-03-02T01:00:00"), zone);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.FromHours(2)), next); // 03:00 local now, so tomorrow 02:00 local
    }

    [Fact]
    public void A_time_skipped_by_daylight_saving_is_skipped_and_the_run_after_it_is_next()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 29 March 2026: clocks go from 02:00 to 03:00 in Berlin, so 02:30 does not exist that day.
        var now = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var next = ScheduleTrigger.Parse("daily 02:30").NextRun(now, berlin);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }

    [Fact]
    public void A_time_that_happens_twice_runs_at_its_first_occurrence()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 25 October 2026: 02:00–03:00 happens twice in Berlin (first at +02:00).
        var now = new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));
        var next = ScheduleTrigger.Parse("daily 02:30").NextRun(now, berlin);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), next);
    }
}
