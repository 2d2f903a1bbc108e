using LmsSync.Core.Salesforce.Api;

namespace LmsSync.Core.Tests.Salesforce;

public class ApiUsageTests
{
    [Fact]
    public void Org_usage_is_read_from_the_header()
    {
        var usage = ApiUsage.Parse("api-usage=25/5000")!;

        Assert.Equal(25, usage.Used);
        Assert.Equal(5000, usage.Max);
        Assert.Null(usage.AppUsed);
        Assert.Equal(0.005, usage.Fraction, 6);
    }

    [Fact]
    public void Per_app_usage_and_the_app_name_are_read_too_and_do_not_shadow_the_org_usage()
    {
        var usage = ApiUsage.Parse("api-usage=18/5000; per-app-api-usage=17/250(appName=LmsSync)")!;

        Assert.Equal(18, usage.Used);
        Assert.Equal(5000, usage.Max);
        Assert.Equal(17, usage.AppUsed);
        Assert.Equal(250, usage.AppMax);
        Assert.Equal("LmsSync", usage.AppName);
        Assert.Contains("18/5000", usage.ToString());
    }

    [Fact]
    public void Per_app_usage_first_still_finds_the_org_usage()
    {
        var usage = ApiUsage.Parse("per-app-api-usage=3/100(appName=X); api-usage=40/1000")!;

        Assert.Equal(40, usage.Used);
        Assert.Equal(3, usage.AppUsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("api-usage=lots")]
    [InlineData("something-else=1/2")]
    public void Unreadable_headers_give_null_not_an_error(string? header) => Assert.Null(ApiUsage.Parse(header));
}
