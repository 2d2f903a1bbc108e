using System;
using System.Linq;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

public sealed class ScheduleTriggerTests
{
    private static TimeOfDay T(string text) => TimeOfDay.Parse(text);

    private static string Times(ScheduleTrigger trigger) => string.Join(" ", trigger.MinutesOfDay.Select(m => TimeOfDay.FromMinutes(m).ToString()));

    [Fact]
    public void A_window_includes_its_start_and_a_run_due_exactly_at_its_stop()
    {
        Assert.Equal("08:00 09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00 18:00", Times(ScheduleTrigger.Interval(60, T("08:00"), T("18:00"))));
    }

    [Fact]
    public void An_interval_that_does_not_divide_the_hour_stops_at_the_last_start_inside_the_window()
    {
        Assert.Equal("08:00 08:45 09:30 10:15 11:00 11:45 12:30 13:15 14:00 14:45 15:30 16:15 17:00 17:45", Times(ScheduleTrigger.Interval(45, T("08:00"), T("18:00"))));
    }

    [Fact]
    public void A_stop_one_minute_before_a_due_run_excludes_that_run()
    {
        Assert.Equal("08:00 09:00", Times(ScheduleTrigger.Interval(60, T("08:00"), T("09:59"))));
    }

    [Fact]
    public void An_interval_longer_than_the_window_runs_once_at_the_start()
    {
        Assert.Equal("08:00", Times(ScheduleTrigger.Interval(120, T("08:00"), T("09:00"))));
    }

    [Fact]
    public void A_plain_interval_is_the_whole_day_and_midnight_belongs_to_the_next_day()
    {
        var hourly = ScheduleTrigger.Interval(60);
        Assert.Equal(24, hourly.MinutesOfDay.Count);
        Assert.Equal(0, hourly.MinutesOfDay[0]);
        Assert.Equal(23 * 60, hourly.MinutesOfDay[^1]);
        Assert.False(hourly.HasWindow);
        Assert.Equal(1439, hourly.LastStartMinute);
    }

    [Fact]
    public void An_explicit_24_hour_window_is_the_plain_interval()
    {
        var window = ScheduleTrigger.Interval(7, T("00:00"), T("24:00"));
        Assert.Equal(ScheduleTrigger.Interval(7).MinutesOfDay, window.MinutesOfDay);
        Assert.Equal("every 7m", window.ToString());
        // 7 does not divide the day: the last run is 23:55 and the next is 00:00, restarting the pattern.
        Assert.Equal(23 * 60 + 55, window.MinutesOfDay[^1]);
    }

    [Fact]
    public void A_one_minute_interval_runs_every_minute_through_23_59()
    {
        Assert.Equal(1440, ScheduleTrigger.Interval(1).MinutesOfDay.Count);
    }

    [Theory]
    [InlineData("22:00", "06:00")]
    [InlineData("08:00", "08:00")]
    [InlineData("18:00", "08:00")]
    public void A_window_that_crosses_midnight_or_is_empty_is_refused(string start, string stop)
    {
        var error = Assert.Throws<ScheduleException>(() => ScheduleTrigger.Interval(30, T(start), T(stop)));
        Assert.Equal(ScheduleErrorKind.Invalid, error.Kind);
        Assert.Contains("two schedules", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    [InlineData(-5)]
    public void An_interval_outside_1_to_1440_minutes_is_refused(int minutes)
    {
        Assert.Equal(ScheduleErrorKind.Invalid, Assert.Throws<ScheduleException>(() => ScheduleTrigger.Interval(minutes)).Kind);
    }

    [Fact]
    public void Midnight_as_24_00_is_refused_as_a_daily_time_and_as_a_window_start()
    {
        Assert.Throws<ScheduleException>(() => ScheduleTrigger.Daily(T("24:00")));
        Assert.Throws<ScheduleException>(() => ScheduleTrigger.Interval(30, T("24:00"), null));
    }

    [Theory]
    [InlineData("2:00", 120)]
    [InlineData("02:00", 120)]
    [InlineData("23:59", 1439)]
    [InlineData("24:00", 1440)]
    public void Times_of_day_parse_on_a_24_hour_clock(string text, int minutes) => Assert.Equal(minutes, TimeOfDay.Parse(text).TotalMinutes);

    [Theory]
    [InlineData("24:01")]
    [InlineData("12:60")]
    [InlineData("7")]
    [InlineData("07:00:30")]
    [InlineData("-1:00")]
    [InlineData("2 PM")]
    [InlineData("")]
    public void Anything_else_is_not_a_time_of_day(string text) => Assert.Throws<FormatException>(() => TimeOfDay.Parse(text));

    [Theory]
    [InlineData("daily 02:00")]
    [InlineData("daily 06:30 on Sat,Sun")]
    [InlineData("every 60m")]
    [InlineData("every 45m 08:00-18:00")]
    [InlineData("every 45m 08:00-24:00 on Mon,Tue,Wed,Thu,Fri")]
    public void The_canonical_text_reads_back_to_the_same_trigger(string text)
    {
        var trigger = ScheduleTrigger.Parse(text);
        Assert.Equal(text, trigger.ToString());
        Assert.Equal(trigger.MinutesOfDay, ScheduleTrigger.Parse(trigger.ToString()).MinutesOfDay);
    }

    [Fact]
    public void Days_are_kept_Monday_first_without_duplicates_and_all_seven_mean_every_day()
    {
        var days = ScheduleTrigger.Daily(T("02:00"), new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Sunday });
        Assert.Equal(new[] { DayOfWeek.Monday, DayOfWeek.Sunday }, days.DaysOfWeek);
        Assert.Empty(ScheduleTrigger.Daily(T("02:00"), Enum.GetValues<DayOfWeek>()).DaysOfWeek);
    }

    [Theory]
    [InlineData("weekly 02:00")]
    [InlineData("every 45 08:00-18:00")]
    [InlineData("daily 02:00 on Someday")]
    public void Damaged_canonical_text_is_a_format_error(string text) => Assert.Throws<FormatException>(() => ScheduleTrigger.Parse(text));
}
