using System;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Tests.Salesforce;

public class SalesforceDateTimeTests
{
    [Fact]
    public void Salesforce_datetime_with_offset_without_colon_parses_to_the_exact_instant()
    {
        Assert.True(SalesforceDateTime.TryParseDateTime("2026-09-30T21:20:00.123+0000", out var value));

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 20, 0, 123, TimeSpan.Zero), value);
    }

    [Fact]
    public void A_non_utc_offset_is_kept()
    {
        Assert.True(SalesforceDateTime.TryParseDateTime("2026-09-30T21:20:00.000-0530", out var value));

        Assert.Equal(TimeSpan.FromMinutes(-330), value.Offset);
        Assert.Equal(new DateTime(2026, 10, 1, 2, 50, 0, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Theory]
    [InlineData("2026-09-30T21:20:00Z")]
    [InlineData("2026-09-30T21:20:00.5+00:00")]
    [InlineData("2026-09-30T21:20:00.000+0000")]
    public void Iso_variants_parse_too(string text) => Assert.True(SalesforceDateTime.TryParseDateTime(text, out _));

    [Theory]
    [InlineData("2026-02-30T21:20:00.000+0000")]
    [InlineData("2026-09-30T25:20:00.000+0000")]
    [InlineData("2026-09-30 21:20")]
    [InlineData("not a date at all, really")]
    [InlineData("2026-09-30T21:20:00.000+00")]
    public void Impossible_or_malformed_datetimes_do_not_parse(string text) => Assert.False(SalesforceDateTime.TryParseDateTime(text, out _));

    [Theory]
    [InlineData("2026-09-30T21:20:00.000+0000", true)]
    [InlineData("2026-09-30T21:20:00Z", false)]
    [InlineData("2026-09-30", false)]
    [InlineData("Sales 2026-09-30T21:20:00.000+0000", false)]
    public void Only_the_exact_salesforce_form_counts_as_a_datetime_without_describe(string text, bool expected) =>
        Assert.Equal(expected, SalesforceDateTime.IsSalesforceDateTime(text));

    [Fact]
    public void Dates_parse_as_calendar_days()
    {
        Assert.True(SalesforceDateTime.TryParseDate("2024-02-29", out var leap));
        Assert.Equal(new DateTime(2024, 2, 29), leap);
        Assert.Equal(DateTimeKind.Unspecified, leap.Kind);
        Assert.False(SalesforceDateTime.TryParseDate("2026-02-29", out _));
    }
}
