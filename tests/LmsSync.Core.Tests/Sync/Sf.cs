using System;
using System.Collections.Generic;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>Builds Salesforce users for tests, with the fields the default mappings read.</summary>
internal static class Sf
{
    public static readonly string[] UserFields =
    {
        "Id", "Name", "FirstName", "LastName", "Email", "Username", "FederationIdentifier", "Title", "CompanyName", "MobilePhone",
        "Phone", "Department", "Division", "Country", "EmployeeNumber", "IsActive", "TerminationDate__c", "Birthdate__c", "Skills__c", "Manager",
    };

    /// <summary>A record with the given fields (Id included).</summary>
    public static SourceUser Record(string id, params (string Field, object? Value)[] fields) => Record(id, null, fields);

    public static SourceUser Record(string id, IReadOnlyList<string>? publicGroups, params (string Field, object? Value)[] fields)
    {
        var values = new Dictionary<string, object?> { ["Id"] = id };
        foreach (var (field, value) in fields) values[field] = value;
        return new SourceUser(new SalesforceRecord("User", values), publicGroups);
    }

    /// <summary>An 18-character Salesforce user Id from a number.</summary>
    public static string Id(int n) => "005" + n.ToString("D12") + "AAA";

    public static SourceUser Person(int n, string? department = "Sales", bool active = true, string? email = null, string? division = null, object? terminationDate = null) =>
        Record(Id(n),
            ("FirstName", "First" + n), ("LastName", "Last" + n), ("Name", $"First{n} Last{n}"),
            ("Email", email ?? $"user{n}@acme.com"), ("Department", department), ("Division", division),
            ("IsActive", active), ("TerminationDate__c", terminationDate));
}
