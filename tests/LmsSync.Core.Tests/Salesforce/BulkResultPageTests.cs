using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Bulk;
using LmsSync.Core.Salesforce.Query;

namespace LmsSync.Core.Tests.Salesforce;

/// <summary>One Bulk CSV page into records: typed as REST types them, repeated text shared, and a cut page refused.</summary>
public class BulkResultPageTests
{
    private static readonly string[] Paths = { "Id", "Title", "IsActive", "Hire_Date__c", "SystemModstamp", "Account.NumberOfEmployees", "Manager.Email" };

    private static RecordShape Shape() => new("User", Paths, new Dictionary<string, string>
    {
        ["Id"] = "id", ["Title"] = "string", ["IsActive"] = "boolean", ["Hire_Date__c"] = "date", ["SystemModstamp"] = "datetime",
        ["Account.NumberOfEmployees"] = "int", ["Manager.Email"] = "email",
    });

    private const string Body =
        "\"Id\",\"Title\",\"IsActive\",\"Hire_Date__c\",\"SystemModstamp\",\"Account.NumberOfEmployees\",\"Manager.Email\"\n" +
        "\"005A\",\"Trainer, \"\"senior\"\"\nsecond line\",\"true\",\"2024-02-29\",\"2026-09-30T21:20:00.000Z\",\"1200\",\"boss@x.com\"\n" +
        "\"005B\",\"Trainer, \"\"senior\"\"\nsecond line\",\"false\",,,,\n" +
        "\"005C\",\"\",\"true\",\"2020-01-01\",\"2026-09-30T21:20:00.000+0000\",\"3.5\",\"\"\n";

    private static Task<BulkResultPage> Read(string body, RecordShape shape, int? announced = 3, string locator = "null")
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
        if (announced != null) response.Headers.Add("Sforce-NumberOfRecords", announced.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("Sforce-Locator", locator);
        return BulkResultPage.ReadAsync(response, new MemoryStream(Encoding.UTF8.GetBytes(body)), shape);
    }

    [Fact]
    public async Task Values_are_typed_by_their_described_type_and_nulls_are_null()
    {
        var page = await Read(Body, Shape());

        Assert.Null(page.NextLocator);
        Assert.Equal(3, page.Records.Count);
        var a = page.Records[0];
        Assert.Equal("005A", a.Id);
        Assert.Equal("Trainer, \"senior\"\nsecond line", a["Title"]);
        Assert.Equal(true, a["IsActive"]);
        Assert.Equal(new DateTime(2024, 2, 29), a["Hire_Date__c"]);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 21, 20, 0, TimeSpan.Zero), a["SystemModstamp"]);
        Assert.Equal(1200m, a["Account.NumberOfEmployees"]);
        Assert.Equal("boss@x.com", a["Manager.Email"]);
        var b = page.Records[1];
        Assert.Equal(false, b["IsActive"]);
        foreach (var path in new[] { "Hire_Date__c", "SystemModstamp", "Account.NumberOfEmployees", "Manager.Email" })
        {
            Assert.True(b.Has(path), path);
            Assert.Null(b[path]);
        }
        Assert.Null(page.Records[2]["Title"]);
        Assert.True(page.Records[2].Has("Title"));
        Assert.Equal(3.5m, page.Records[2]["Account.NumberOfEmployees"]);
        Assert.Equal(Paths, a.Fields.Keys);
    }

    [Fact]
    public async Task Equal_text_of_one_field_is_one_string_across_records_and_pages()
    {
        var shape = Shape();
        var first = await Read(Body, shape);
        var second = await Read(Body, shape);

        Assert.Same(first.Records[0]["Title"], first.Records[1]["Title"]);
        Assert.Same(first.Records[0]["Title"], second.Records[1]["Title"]);
    }

    [Fact]
    public async Task A_page_cut_anywhere_before_its_last_row_is_refused()
    {
        var lastRow = Body.LastIndexOf("\"005C\"", StringComparison.Ordinal);
        var header = Body.IndexOf('\n') + 1;
        for (var cut = header; cut < lastRow; cut++)
            await Assert.ThrowsAsync<InvalidDataException>(() => Read(Body.Substring(0, cut), Shape()));
    }

    [Fact]
    public async Task A_row_with_too_few_values_or_a_value_not_of_its_type_is_refused()
    {
        var header = Body.Substring(0, Body.IndexOf('\n') + 1);

        var shortRow = await Assert.ThrowsAsync<InvalidDataException>(() => Read(header + "\"005A\",\"x\"\n", Shape(), announced: 1));
        var notBoolean = await Assert.ThrowsAsync<InvalidDataException>(() => Read(header + "\"005A\",,\"yes\",,,,\n", Shape(), announced: 1));

        Assert.Contains("row 1 has 2 values for 7 columns", shortRow.Message);
        Assert.Contains("field IsActive is a boolean but its value 'yes' is not one", notBoolean.Message);
    }

    [Fact]
    public async Task The_next_locator_is_kept_and_a_short_page_is_refused()
    {
        var page = await Read(Body, Shape(), locator: "MTAwMDA");

        Assert.Equal("MTAwMDA", page.NextLocator);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Read(Body, Shape(), announced: 4));
        Assert.Contains("announced 4 records but held 3", error.Message);
    }
}
