using System.Collections.Generic;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>A <see cref="RecordField"/> remembers its slot per schema; records of another schema must not be read by a stale slot.</summary>
public sealed class RecordFieldTests
{
    private static SalesforceRecord Record(params (string Name, object? Value)[] fields)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        foreach (var (name, value) in fields) pairs.Add(new KeyValuePair<string, object?>(name, value));
        return new SalesforceRecord("User", pairs);
    }

    [Fact]
    public void Reads_each_record_by_its_own_schema_whichever_was_read_last()
    {
        // Email is slot 0 in the first schema and slot 2 in the second, where slot 0 is Title.
        var first = Record(("Email", "ann@x.com"), ("Id", "005A"));
        var second = Record(("Title", "Engineer"), ("Id", "005B"), ("Email", "bob@x.com"));
        var email = new RecordField("email");

        Assert.Equal("ann@x.com", first[email]);
        Assert.Equal("bob@x.com", second[email]);
        Assert.Equal("ann@x.com", first[email]);
        Assert.Equal(first["Email"], first[email]);
    }

    [Fact]
    public void A_field_the_record_does_not_have_reads_as_null_as_by_name()
    {
        var record = Record(("Id", "005A"), ("Department", null));
        Assert.Null(record[new RecordField("Title")]);
        Assert.Null(record[new RecordField("Department")]);
        Assert.Null(record["Title"]);
    }

    [Fact]
    public void Records_of_one_builder_share_a_schema_until_a_new_field_comes_and_read_the_same_either_way()
    {
        var builder = new RecordBuilder();
        var records = new List<SalesforceRecord>();
        for (var i = 0; i < 6; i++)
        {
            builder.Start();
            builder.Set("Id", "005" + i);
            if (i >= 3) builder.Set("Title", "T" + i); // the schema grows at the fourth record
            builder.Set("Email", "u" + i + "@x.com");
            records.Add(builder.Build("User"));
        }
        var email = new RecordField("Email");
        var title = new RecordField("TITLE");
        // Read in parallel, as the planner evaluates users on every core: the remembered slot is replaced whole.
        Parallel.For(0, 2000, n =>
        {
            var record = records[n % records.Count];
            Assert.Equal(record["Email"], record[email]);
            Assert.Equal(record["Title"], record[title]);
        });
        Assert.Equal("T4", records[4][title]);
        Assert.Null(records[1][title]);
    }

    [Fact]
    public void Reading_records_made_one_by_one_or_by_one_builder_costs_no_object_per_record()
    {
        var alone = new List<SalesforceRecord>();
        for (var i = 0; i < 200; i++) alone.Add(Record(("Id", "005" + i), ("Email", "u" + i + "@x.com")));
        var builder = new RecordBuilder();
        var read = new List<SalesforceRecord>();
        for (var i = 0; i < 200; i++)
        {
            builder.Start();
            builder.Set("Id", "005" + i);
            builder.Set("Email", "u" + i + "@x.com");
            read.Add(builder.Build("User"));
        }
        var email = new RecordField("Email");
        foreach (var record in alone) Assert.NotNull(record[email]); // each has a schema of its own
        Assert.NotNull(read[0][email]);

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        foreach (var record in alone) _ = record[email];
        foreach (var record in read) _ = record[email];
        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
