using System.IO;
using System.Text;
using LmsSync.Core.Lms.ISpring;
using Newtonsoft.Json;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// The scan that finds a page's top-level nextPageToken in the raw body before its items are parsed: the same token
/// the full parse reads, wherever it sits and whatever the items hold, and a body cut short is an error, not a page.
/// </summary>
public sealed class ISpringPageScanTests
{
    private const string User = "{\"userId\":\"u-1\",\"fields\":{\"login\":\"ann\"},\"groups\":[\"g\"]}";

    private static string? Scan(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return ISpringPageScan.NextPageToken(bytes, bytes.Length);
    }

    /// <summary>What the full parse reads as the token, to compare the scan with.</summary>
    private static string? Parsed(string json)
    {
        using var reader = ISpringStreamReader.Open(new StringReader(json));
        return ISpringStreamReader.Page(reader, "userProfiles", r => { r.Skip(); return 0; }).NextToken;
    }

    [Theory]
    [InlineData("{\"nextPageToken\":\"t1\",\"userProfiles\":[" + User + "]}", "t1")]
    [InlineData("{\"userProfiles\":[" + User + "," + User + "],\"nextPageToken\":\"t2\"}", "t2")]
    [InlineData("\uFEFF { \"userProfiles\" : [ ] , \"nextPageToken\" : \"t3\" } \r\n", "t3")]
    [InlineData("{\"userProfiles\":[]}", null)]
    [InlineData("{\"userProfiles\":[],\"nextPageToken\":null}", null)]
    [InlineData("{\"userProfiles\":[],\"nextPageToken\":\"\"}", "")]
    [InlineData("{\"nextPageToken\":12,\"userProfiles\":[]}", "12")]
    [InlineData("{\"nextPageToken\":true}", "True")]
    [InlineData("{\"nextPageToken\":\"a\",\"nextPageToken\":\"b\"}", "b")]
    [InlineData("[{\"nextPageToken\":\"t\"}]", null)]
    public void The_top_level_token_is_found_before_or_after_the_items(string json, string? token)
    {
        Assert.Equal(token, Scan(json));
        if (json.StartsWith("{")) Assert.Equal(Parsed(json), Scan(json));
    }

    [Theory]
    // In a field value, in a nested member's name, in a string with escaped quotes and backslashes, in comments.
    [InlineData("{\"userProfiles\":[{\"userId\":\"u\",\"fields\":{\"note\":\"\\\"nextPageToken\\\":\\\"evil\\\"\"}}],\"nextPageToken\":\"good\"}")]
    [InlineData("{\"userProfiles\":[{\"userId\":\"u\",\"nextPageToken\":\"evil\",\"x\":{\"nextPageToken\":\"evil\"}}],\"nextPageToken\":\"good\"}")]
    [InlineData("{\"unknown\":{\"nextPageToken\":\"evil\"},\"list\":[\"nextPageToken\",\"evil\"],\"nextPageToken\":\"good\"}")]
    [InlineData("{\"a\":\"ends in a backslash \\\\\",\"nextPageToken\":\"good\",\"b\":\"\\\\\\\",\\\"nextPageToken\\\":\\\"evil\"}")]
    [InlineData("{/* \"nextPageToken\":\"evil\" */\"nextPageToken\":\"good\" // ,\"nextPageToken\":\"evil\"\n}")]
    public void Text_that_only_looks_like_the_token_is_not_taken_for_it(string json)
    {
        Assert.Equal("good", Scan(json));
        Assert.Equal(Parsed(json), Scan(json));
    }

    [Theory]
    [InlineData("{\"nextPageToken\":\"t\\\"1\\u00e9\"}", "t\"1é")]
    [InlineData("{\"next\\u0050ageToken\":\"t1\"}", "t1")]
    [InlineData("{\"nextPageToken\":\"é/ü\"}", "é/ü")]
    public void An_escaped_or_non_ascii_token_is_decoded_as_the_parse_decodes_it(string json, string token)
    {
        Assert.Equal(token, Scan(json));
        Assert.Equal(Parsed(json), Scan(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"userProfiles\":[" + User + "," + "{\"userId\":\"u-2\",\"fields\":{\"login\":\"b")]
    [InlineData("{\"userProfiles\":[" + User + "]")]
    [InlineData("{\"userProfiles\":[" + User + "],\"nextPageToken\":\"t")]
    [InlineData("{\"nextPageToken\":\"t\",\"userProfiles\":[" + User)]
    [InlineData("{\"a\":\"\\\"}")]
    [InlineData("{\"userProfiles\":[]} {}")]
    [InlineData("{\"userProfiles\":[}")]
    [InlineData("{\"userProfiles\":[]} /* unterminated")]
    public void A_body_cut_short_or_glued_is_a_reader_error(string json)
    {
        Assert.ThrowsAny<JsonReaderException>(() => Scan(json));
    }

    [Fact]
    public void A_token_that_is_not_a_single_value_is_a_shape_error()
    {
        var error = Assert.Throws<ISpringShapeException>(() => Scan("{\"nextPageToken\":{\"t\":1},\"userProfiles\":[]}"));
        Assert.Contains("'nextPageToken' is not a single value", error.Message);
    }
}
