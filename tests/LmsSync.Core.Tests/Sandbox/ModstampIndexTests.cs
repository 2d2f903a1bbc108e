using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Core.Tests.Sandbox;

/// <summary>
/// The emulator's SystemModstamp index must give the answers of a scan: queries filtered on SystemModstamp are
/// compared with the rows picked by hand, through inserts, updates and deletes, a clock that stands still or goes
/// back, and enough writes to make the index sort its tail in again.
/// </summary>
public class ModstampIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Queries_on_SystemModstamp_match_a_scan_through_random_writes()
    {
        var random = new Random(8);
        var clock = new TestClock(Start);
        var org = new SfOrg(SfSchema.Standard(), clock.Func);
        var ids = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            clock.Now = Start.AddSeconds(random.Next(0, 100_000)); // out of order, as the seed back-dates rows
            ids.Add(Insert(org, random));
        }

        var checkedQueries = 0;
        for (var round = 0; round < 40; round++)
        {
            checkedQueries += CheckQueries(org, random);
            for (var write = 0; write < 120; write++)
            {
                // Mostly forward, sometimes the same millisecond, sometimes back in time.
                var step = random.Next(10);
                clock.Now = step == 0 ? clock.Now.AddSeconds(-random.Next(1, 50_000)) : step < 3 ? clock.Now : clock.Now.AddMilliseconds(random.Next(1, 5_000));
                var id = ids[random.Next(ids.Count)];
                var kind = random.Next(10);
                if (kind < 2)
                {
                    ids.Add(Insert(org, random));
                }
                else if (kind < 3 && org.Get(id) is { IsDeleted: false })
                {
                    org.Delete(id);
                }
                else if (org.Get(id) is { IsDeleted: false })
                {
                    org.Update(id, new Dictionary<string, object?> { ["LastName"] = Name(random) });
                }
            }
        }

        Assert.Equal(40 * 8, checkedQueries);
    }

    [Fact]
    public void A_snapshot_taken_before_writes_keeps_its_answer()
    {
        var clock = new TestClock(Start);
        var org = new SfOrg(SfSchema.Standard(), clock.Func);
        var random = new Random(3);
        var ids = Enumerable.Range(0, 50).Select(i =>
        {
            clock.Now = Start.AddMinutes(i);
            return Insert(org, random);
        }).ToList();
        var before = org.Snapshot;
        const string soql = "SELECT Id FROM Contact WHERE SystemModstamp > 2026-09-01T00:44:00Z";
        var first = Ids(SoqlEngine.Execute(before, soql, includeDeleted: false, clock.Now));

        clock.Now = Start.AddDays(1);
        org.Update(ids[0], new Dictionary<string, object?> { ["LastName"] = "Later" });
        org.Delete(ids[49]);

        Assert.Equal(ids.Skip(45).ToList(), first);
        Assert.Equal(first, Ids(SoqlEngine.Execute(before, soql, includeDeleted: false, clock.Now)));
        Assert.Equal(new[] { ids[0] }.Concat(ids.Skip(45).Take(4)).ToList(), Ids(org.Query(soql)));
    }

    [Fact]
    public void A_narrow_range_reads_only_the_rows_in_it()
    {
        var clock = new TestClock(Start);
        var org = new SfOrg(SfSchema.Standard(), clock.Func);
        var random = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            clock.Now = Start.AddSeconds(i);
            Insert(org, random);
        }

        var contact = org.Schema.Find("Contact")!;
        var table = org.Snapshot.Table(contact);
        var field = contact.ModstampField!;

        Assert.Equal(Enumerable.Range(1990, 10).ToList(), table.StampIndex(field).RowsFrom(Start.AddSeconds(1989), inclusive: false, table, field));
        Assert.Equal(11, table.StampIndex(field).RowsFrom(Start.AddSeconds(1989), inclusive: true, table, field)!.Count);
        // Most of the table: the caller scans instead.
        Assert.Null(table.StampIndex(field).RowsFrom(Start.AddSeconds(10), inclusive: false, table, field));
    }

    private static int CheckQueries(SfOrg org, Random random)
    {
        var rows = org.Rows("Contact", includeDeleted: true).ToList();
        var stamps = rows.Select(Stamp).ToList();
        var checkedQueries = 0;
        foreach (var includeDeleted in new[] { false, true })
        {
            foreach (var op in new[] { ">", ">=" })
            {
                // An existing stamp (to test the edge), or a point at random.
                var at = random.Next(2) == 0 ? stamps[random.Next(stamps.Count)] : Start.AddSeconds(random.Next(0, 200_000));
                var literal = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                bool After(SfRow row) => op == ">" ? Stamp(row) > at : Stamp(row) >= at;
                var live = rows.Where(r => includeDeleted || !r.IsDeleted).ToList();

                var expected = live.Where(After).Select(r => r.Id).ToList();
                Assert.Equal(expected, Ids(org.Query($"SELECT Id FROM Contact WHERE SystemModstamp {op} {literal}", includeDeleted)));

                var byName = live.Where(r => After(r) && ((string)r["LastName"]!).StartsWith('A')).Select(r => r.Id).ToList();
                Assert.Equal(byName, Ids(org.Query($"SELECT Id FROM Contact WHERE LastName LIKE 'A%' AND (SystemModstamp {op} {literal})", includeDeleted)));

                var ordered = live.Where(After).OrderBy(Stamp).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
                Assert.Equal(ordered, Ids(org.Query($"SELECT Id FROM Contact WHERE SystemModstamp {op} {literal} ORDER BY SystemModstamp, Id", includeDeleted)));
                checkedQueries += 2;
            }
        }

        return checkedQueries;
    }

    private static DateTimeOffset Stamp(SfRow row) => (DateTimeOffset)row["SystemModstamp"]!;

    private static List<string> Ids(SoqlResult result) => Enumerable.Range(0, result.RowCount).Select(i => result.GetRow(i).Id).ToList();

    private static string Insert(SfOrg org, Random random) =>
        org.Insert("Contact", new Dictionary<string, object?> { ["LastName"] = Name(random) }).Id;

    private static string Name(Random random) => (char)('A' + random.Next(3)) + "name" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
}
