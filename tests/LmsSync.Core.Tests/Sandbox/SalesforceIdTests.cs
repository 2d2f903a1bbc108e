using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Core.Tests.Sandbox;

public class SalesforceIdTests
{
    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")] // Salesforce's documented example
    [InlineData("005000000000000", "005000000000000AAA")]
    [InlineData("00GABCDEABCDEAB", "00GABCDEABCDEAB255")]
    public void To18_appends_the_case_safe_checksum(string id15, string id18)
    {
        Assert.Equal(id18, SalesforceId.To18(id15));
    }

    [Theory]
    [InlineData("001A0000006Vm9r")]
    [InlineData("001A0000006Vm9rIAC")]
    [InlineData("001a0000006vm9riac")] // an 18-char id survives a case-insensitive system
    [InlineData("001A0000006VM9RIAC")]
    public void TryNormalize_restores_the_canonical_18_character_id(string input)
    {
        Assert.True(SalesforceId.TryNormalize(input, out var id18));
        Assert.Equal("001A0000006Vm9rIAC", id18);
    }

    [Theory]
    [InlineData("")]
    [InlineData("001A0000006Vm9")]
    [InlineData("001A0000006Vm9rIA")]
    [InlineData("001A0000006Vm9rIAD")] // wrong checksum
    [InlineData("001A0000006Vm9-IAC")]
    public void TryNormalize_rejects_text_that_is_not_an_id(string input)
    {
        Assert.False(SalesforceId.TryNormalize(input, out _));
    }

    [Fact]
    public void Created_ids_carry_the_key_prefix_sort_by_creation_and_are_18_characters()
    {
        var first = SalesforceId.Create("005", 1);
        var tenth = SalesforceId.Create("005", 10);
        var big = SalesforceId.Create("005", 500_000);

        Assert.StartsWith("005", first);
        Assert.Equal(18, big.Length);
        Assert.True(string.CompareOrdinal(first, tenth) < 0);
        Assert.True(string.CompareOrdinal(tenth, big) < 0);
        Assert.True(SalesforceId.TryNormalize(big, out var normalized) && normalized == big);
        Assert.True(SalesforceId.TryReadSequence(big, out var sequence) && sequence == 500_000);
    }
}
