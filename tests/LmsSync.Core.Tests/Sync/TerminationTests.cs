using System;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

public class TerminationTests
{
    // 12:30 UTC on 9 March 2026 is already 01:30 on 10 March in Auckland (NZDT, UTC+13)
    // and still 05:30 on 9 March in Los Angeles (PDT, UTC-7, since 8 March).
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 9, 12, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, object, bool> Edges() => new()
    {
        { "UTC", new DateTime(2026, 3, 8), true },                 // yesterday
        { "UTC", new DateTime(2026, 3, 9), true },                 // today
        { "UTC", new DateTime(2026, 3, 10), false },               // tomorrow
        { "Pacific/Auckland", new DateTime(2026, 3, 10), true },   // today there, tomorrow in UTC
        { "New Zealand Standard Time", new DateTime(2026, 3, 10), true },
        { "Pacific/Auckland", new DateTime(2026, 3, 11), false },
        { "America/Los_Angeles", new DateTime(2026, 3, 9), true },
        { "America/Los_Angeles", new DateTime(2026, 3, 10), false },
        { "Pacific Standard Time", new DateTime(2026, 3, 10), false },
        // a datetime counts by its date in the zone: 11:00 UTC on the 9th is the 10th in Auckland
        { "Pacific/Auckland", new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.Zero), true },
        // 06:00 UTC on the 10th is still 23:00 on the 9th in Los Angeles; 08:00 UTC is already the 10th there
        { "America/Los_Angeles", new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero), true },
        { "America/Los_Angeles", new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), false },
        { "UTC", "2026-03-09", true },
        { "UTC", "2026-03-10", false },
        { "UTC", "not a date", false },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void A_user_is_terminated_on_the_day_itself_in_the_configured_zone(string zone, object date, bool terminated)
    {
        var policy = new TerminationPolicy(new SyncOptions { TerminationDateField = "TerminationDate__c", TimeZone = zone }, Now);

        var due = policy.DueDate(Sf.Record(Sf.Id(1), ("TerminationDate__c", date)));

        Assert.Equal(terminated, due.HasValue);
    }

    [Fact]
    public void Today_comes_from_the_injected_clock_in_the_zone()
    {
        Assert.Equal(new DateTime(2026, 3, 10), new TerminationPolicy(new SyncOptions { TimeZone = "Pacific/Auckland" }, Now).Today);
        Assert.Equal(new DateTime(2026, 3, 9), new TerminationPolicy(new SyncOptions { TimeZone = "America/Los_Angeles" }, Now).Today);
    }

    [Fact]
    public void No_field_or_action_none_ignores_termination_dates()
    {
        var user = Sf.Record(Sf.Id(1), ("TerminationDate__c", new DateTime(2020, 1, 1)));

        Assert.Null(new TerminationPolicy(new SyncOptions(), Now).DueDate(user));
        Assert.Null(new TerminationPolicy(new SyncOptions { TerminationDateField = "TerminationDate__c", TerminationDateAction = TerminationDateAction.None }, Now).DueDate(user));
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Etc/UTC")]
    [InlineData(" utc ")]
    [InlineData("")]
    public void Time_zones_resolve_from_iana_or_windows_ids(string id)
    {
        Assert.True(TimeZoneResolver.TryResolve(id, out _));
    }

    [Fact]
    public void An_unknown_time_zone_says_what_to_give()
    {
        var error = Assert.Throws<ArgumentException>(() => TimeZoneResolver.Resolve("Mars/Olympus"));
        Assert.Contains("IANA", error.Message);
    }

    [Theory]
    [InlineData(0, 12, true)]
    [InlineData(1, 5, false)]
    [InlineData(10, 100, true)]
    [InlineData(11, 100, false)]
    public void Deprovision_limits_in_percent_round_down(int deactivations, int managed, bool allowed)
    {
        Assert.Equal(allowed, DeprovisionLimit.Default.Allows(deactivations, managed));
    }
}
