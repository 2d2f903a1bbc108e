using System;
using System.Globalization;
using LmsSync.Core.Lms.ISpring;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// A user's dates: the ISO forms are read by hand, everything else by .NET's parser; either way the date is the one
/// <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/> gives, in UTC.
/// </summary>
public sealed class ISpringDateTests
{
    [Theory]
    [InlineData("2024-01-02T03:04:05Z")]
    [InlineData("2024-01-02T03:04:05.123Z")]
    [InlineData("2024-01-02T03:04:05.1234567Z")]
    [InlineData("2024-01-02T03:04:05+03:00")]
    [InlineData("2024-01-02T23:59:59.5-05:30")]
    [InlineData("2024-12-31T22:00:00-03:00")]
    [InlineData("2024-01-02 03:04:05Z")]
    [InlineData("2024-01-02T03:04:05")]
    [InlineData("2024-01-02")]
    [InlineData("01/02/2024 03:04:05")]
    [InlineData("2 January 2024")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-02T03:04:05.Z")]
    [InlineData("not a date")]
    public void A_date_is_what_the_culture_aware_parser_gives_in_UTC(string text)
    {
        // Read as a page's user is: dates stay strings until the reader parses them.
        var user = ISpringWireReader.User((JObject)ISpringWireReader.Parse("{\"userId\":\"u-1\",\"fields\":{},\"addedDate\":" + JsonConvert.ToString(text) + "}"));

        DateTimeOffset? expected = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
        Assert.Equal(expected, user.AddedDate);
        if (expected != null) Assert.Equal(TimeSpan.Zero, user.AddedDate!.Value.Offset);
    }
}
