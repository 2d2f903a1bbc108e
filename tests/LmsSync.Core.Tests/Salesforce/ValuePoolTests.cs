using System.Globalization;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Tests.Salesforce;

public class ValuePoolTests
{
    private static string Fresh(string text) => new string(text.ToCharArray());

    [Fact]
    public void Equal_values_of_one_field_are_shared_and_other_fields_keep_their_own()
    {
        var pool = new ValuePool();
        var first = pool.Share(0, Fresh("Europe/Berlin"));

        Assert.Same(first, pool.Share(0, Fresh("Europe/Berlin")));
        Assert.NotSame(first, pool.Share(1, Fresh("Europe/Berlin")));
        Assert.Equal("Europe/Berlin", pool.Share(0, Fresh("Europe/Berlin")));
    }

    [Fact]
    public void A_field_of_unique_values_stops_being_pooled_once_full()
    {
        var pool = new ValuePool(limit: 100);
        for (var i = 0; i < 10_000; i++) pool.Share(0, "user" + i.ToString(CultureInfo.InvariantCulture) + "@acme.com");

        Assert.Equal(0, pool.Count);
        var late = Fresh("user5@acme.com");
        Assert.Same(late, pool.Share(0, late));
    }

    [Fact]
    public void A_full_field_that_keeps_repeating_stays_pooled_without_growing()
    {
        var pool = new ValuePool(limit: 100);
        for (var i = 0; i < 10_000; i++) pool.Share(0, "Title " + (i % 150).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(100, pool.Count);
        Assert.Same(pool.Share(0, Fresh("Title 7")), pool.Share(0, Fresh("Title 7")));
    }
}
