using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Engine;

/// <summary>The state's links are saved sorted by Salesforce Id, whether or not the run changed any (a no-op run reuses the loaded order).</summary>
public sealed class StateBookTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    // The 15-character part varies: ids equal in it are one person.
    private static Link L(int n, string? lmsId = null) => new("005" + n.ToString("D12") + "AAA", lmsId ?? "u-" + n, LinkOrigin.Created, At);

    private static List<string> Saved(StateBook book) => book.Snapshot().Links.Select(l => l.SalesforceId + ">" + l.LmsId).ToList();

    [Fact]
    public void Links_are_saved_in_Salesforce_Id_order_as_loaded_added_dropped_or_loaded_out_of_order()
    {
        var sorted = new StoredState { Links = Enumerable.Range(1, 50).Select(n => L(n * 2)).ToList() };
        var book = new StateBook(sorted);
        Assert.Equal(sorted.Links.Select(l => l.SalesforceId + ">" + l.LmsId), Saved(book));
        // The snapshot is a copy: changing it changes nothing saved later.
        book.Snapshot().Links.Clear();
        Assert.Equal(50, Saved(book).Count);

        book.Link(L(3).SalesforceId, "u-3", LinkOrigin.Matched, At);
        book.DropStale(new[] { L(10) });
        var expected = Enumerable.Range(1, 50).Select(n => n * 2).Where(n => n != 10).Append(3).OrderBy(n => n).Select(n => L(n).SalesforceId + ">u-" + n).ToList();
        Assert.Equal(expected, Saved(book));

        // The same person linked again to another LMS user replaces its link, in its place.
        book.Link(L(4).SalesforceId, "u-new", LinkOrigin.Created, At);
        Assert.Equal(expected.Select(e => e.StartsWith(L(4).SalesforceId, StringComparison.Ordinal) ? L(4).SalesforceId + ">u-new" : e), Saved(book));

        var shuffled = new StoredState { Links = new List<Link> { L(5), L(1), L(3) } };
        Assert.Equal(new[] { 1, 3, 5 }.Select(n => L(n).SalesforceId + ">u-" + n), Saved(new StateBook(shuffled)));

        // Two links of one person (a hand-edited file): both kept, in the order loaded, as before.
        var twice = new StoredState { Links = new List<Link> { L(2, "u-other"), L(1), L(2) } };
        Assert.Equal(new[] { L(1).SalesforceId + ">u-1", L(2).SalesforceId + ">u-other", L(2).SalesforceId + ">u-2" }, Saved(new StateBook(twice)));
    }

    [Fact]
    public void A_Salesforce_Id_counts_by_its_first_15_characters_when_links_are_replaced_and_dropped()
    {
        var book = new StateBook(new StoredState { Links = new List<Link> { L(1), L(2), L(3) } });
        var short1 = L(1).SalesforceId.Substring(0, 15);
        var short2 = L(2).SalesforceId.Substring(0, 15);

        // The 15-character form of person 1 linked to another LMS user replaces the link of the 18-character form.
        book.Link(short1, "u-1b", LinkOrigin.Matched, At);
        // A stale link given by person 2's short form drops the loaded link; one naming another person drops nothing.
        book.DropStale(new[] { new Link(short2, "u-2", LinkOrigin.Created, At), new Link(L(9).SalesforceId, "u-3", LinkOrigin.Created, At) });
        // LMS user u-3 linked to person 4 leaves person 3 without a link: person 3 linked again adds one, it replaces nothing.
        book.Link(L(4).SalesforceId, "u-3", LinkOrigin.Matched, At);
        book.Link(L(3).SalesforceId, "u-3c", LinkOrigin.Matched, At);

        Assert.Equal(new[] { short1 + ">u-1b", L(3).SalesforceId + ">u-3c", L(4).SalesforceId + ">u-3" }, Saved(book));
    }
}
