using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LmsSync.Sandbox.Salesforce.Org;
using LmsSync.Sandbox.Salesforce.Soql;

namespace LmsSync.Core.Tests.Sandbox;

public class SfSeedTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly SfOrg Small = Seed(users: 10);
    private static readonly SfOrg Medium = Seed(users: 2000);

    private static SfOrg Seed(int users, int seed = 1, DateTimeOffset? now = null) =>
        SfSeed.Create(new SfSeedOptions { Users = users, Seed = seed, Clock = () => now ?? Now });

    private static int Count(SfOrg org, string where, string objectName = "User") =>
        org.Query($"SELECT COUNT() FROM {objectName} WHERE {where}").TotalSize;

    /// <summary>Every stored value of every row of the object, as text, in creation order.</summary>
    private static List<string> Dump(SfOrg org, string objectName) =>
        org.Rows(objectName, includeDeleted: true)
            .Select(r => string.Join("|", r.Values().Select(v => $"{v.Key}={SoqlFlat(v.Value)}")))
            .ToList();

    private static string? SoqlFlat(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        DateOnly d => d.ToString("O"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public void Same_users_and_seed_give_the_same_org()
    {
        var a = Seed(300, seed: 7);
        var b = Seed(300, seed: 7);

        foreach (var obj in a.Schema.Objects)
        {
            Assert.Equal(Dump(a, obj.Name), Dump(b, obj.Name));
        }
    }

    [Fact]
    public void A_different_seed_gives_different_people()
    {
        var emails = (SfOrg org) => org.Rows("User").Skip(10).Select(r => (string)r["Email"]!).ToList();

        Assert.NotEqual(emails(Seed(300, seed: 1)), emails(Seed(300, seed: 2)));
    }

    [Fact]
    public void Dates_move_with_the_clock_and_nothing_else_does()
    {
        var later = Now.AddDays(3);
        var a = Seed(200);
        var b = Seed(200, now: later);

        var rowsA = a.Rows("User").ToList();
        var rowsB = b.Rows("User").ToList();
        for (var i = 0; i < rowsA.Count; i++)
        {
            Assert.Equal(rowsA[i].Id, rowsB[i].Id);
            Assert.Equal(rowsA[i]["Email"], rowsB[i]["Email"]);
            Assert.Equal((DateTimeOffset)rowsA[i]["SystemModstamp"]! + TimeSpan.FromDays(3), rowsB[i]["SystemModstamp"]);
            if (rowsA[i]["Termination_Date__c"] is DateOnly end)
            {
                Assert.Equal(end.AddDays(3), rowsB[i]["Termination_Date__c"]);
            }
        }
    }

    [Fact]
    public void The_first_users_are_the_integration_and_inactive_users()
    {
        var org = SfSeed.Create(new SfSeedOptions { Users = 10, IntegrationUsername = "sync@acme.example.com", Clock = () => Now });
        var result = org.Query("SELECT Username, IsActive, Profile.Name, TimeZoneSidKey FROM User ORDER BY Id LIMIT 2");

        Assert.Equal("sync@acme.example.com", result.GetFlatValue(0, "Username"));
        Assert.Equal("true", result.GetFlatValue(0, "IsActive"));
        Assert.Equal("System Administrator", result.GetFlatValue(0, "Profile.Name"));
        Assert.Equal("GMT", result.GetFlatValue(0, "TimeZoneSidKey"));
        Assert.Equal(SfSeed.InactiveUsername, result.GetFlatValue(1, "Username"));
        Assert.Equal("false", result.GetFlatValue(1, "IsActive"));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(2000)]
    public void Counts_match_the_options_and_the_documented_shape(int users)
    {
        var org = users == 10 ? Small : Medium;

        Assert.Equal(users, org.Count("User"));
        Assert.Equal(5, org.Count("Profile"));
        Assert.Equal(14, Count(org, "Type = 'Regular'", "Group"));
        Assert.Equal(1, Count(org, "Type = 'Queue'", "Group"));
        Assert.Equal(1, Count(org, "Type = 'Role' AND RelatedId != null", "Group"));
        Assert.Equal(5, org.Count("Account"));
        Assert.Equal(Math.Clamp(users / 20, 10, 500) - 1, org.Count("Contact"));
        Assert.Equal(0, Count(org, "IsDeleted = true", "Contact"));
        Assert.Equal(1, org.Query("SELECT COUNT() FROM Contact WHERE IsDeleted = true", includeDeleted: true).TotalSize);
    }

    [Theory]
    [InlineData("Termination_Date__c < TODAY")]
    [InlineData("Termination_Date__c = TODAY")]
    [InlineData("Termination_Date__c > TODAY")]
    [InlineData("IsActive = false")]
    [InlineData("Email LIKE '%+lms@%'")]
    [InlineData("Email LIKE 'JOSE.NUNEZ@ACME.EXAMPLE.COM'")]
    [InlineData("FirstName IN ('Zoë', 'José', 'Łukasz', '太郎')")]
    [InlineData("LastName = '山田'")]
    [InlineData("FirstName = null")]
    [InlineData("Department = null")]
    [InlineData("CompanyName LIKE '%SkyPrep%'")]
    [InlineData("CompanyName = 'Acme Corp'")]
    [InlineData("FederationIdentifier = null")]
    [InlineData("FederationIdentifier != null")]
    [InlineData("EmployeeNumber != null")]
    [InlineData("LMS_Groups__c INCLUDES ('Onboarding')")]
    [InlineData("UserType = 'CsnOnly'")]
    [InlineData("UserType = 'AutomatedProcess'")]
    [InlineData("UserType = 'Standard'")]
    [InlineData("ManagerId != null")]
    [InlineData("Manager.Manager.Id != null")]
    [InlineData("Id IN (SELECT UserId FROM UserLogin WHERE IsFrozen = true) AND IsActive = true")]
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular')")]
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Queue')")]
    [InlineData("Id NOT IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular')")]
    [InlineData("Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Name = 'Onboarding 2026')")]
    public void Even_a_ten_user_org_has_every_awkward_category(string where)
    {
        Assert.True(Count(Small, where) > 0, $"no user where {where}");
    }

    [Fact]
    public void A_larger_org_has_realistic_proportions()
    {
        var total = (double)Medium.Count("User");

        Assert.InRange(Count(Medium, "IsActive = false") / total, 0.03, 0.08);
        Assert.InRange(Count(Medium, "Termination_Date__c = null") / total, 0.88, 0.96);
        Assert.InRange(Count(Medium, "CompanyName = 'Acme Corp'") / total, 0.78, 0.92);
        Assert.InRange(Count(Medium, "FederationIdentifier = null") / total, 0.10, 0.20);
        Assert.InRange(Count(Medium, "SystemModstamp = LAST_N_DAYS:90") / total, 1.0, 1.0);
        Assert.InRange(Count(Medium, "Email LIKE '%@acme.example.com'") / total, 0.95, 1.0);
        Assert.InRange(Count(Medium, "Department = 'Sales'") / total, 0.15, 0.35);
    }

    [Fact]
    public void Usernames_are_unique_and_managers_are_earlier_users()
    {
        var users = Medium.Rows("User").ToList();

        Assert.Equal(users.Count, users.Select(u => ((string)u["Username"]!).ToLowerInvariant()).Distinct().Count());
        foreach (var user in users)
        {
            if (user["ManagerId"] is string manager)
            {
                Assert.True(string.CompareOrdinal(manager, user.Id) < 0, $"{user.Id} reports to a later user");
            }
        }
    }

    [Fact]
    public void Users_belong_to_at_most_three_public_groups_and_groups_can_nest()
    {
        var result = Medium.Query("SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Regular'");
        var perMember = Enumerable.Range(0, result.RowCount)
            .Select(i => result.GetFlatValue(i, "UserOrGroupId")!)
            .GroupBy(id => id)
            .ToList();

        Assert.All(perMember.Where(g => g.Key.StartsWith("005", StringComparison.Ordinal)), g => Assert.InRange(g.Count(), 1, 3));
        Assert.Contains(perMember, g => g.Key.StartsWith("00G", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeding_and_fully_querying_100000_users_completes()
    {
        var org = Seed(100_000);
        var result = org.Query(
            "SELECT Id, Username, Email, FirstName, LastName, IsActive, Department, Division, CompanyName, Title, ManagerId, Manager.Email, " +
            "EmployeeNumber, FederationIdentifier, UserType, Profile.Name, UserRole.Name, Termination_Date__c, LastModifiedDate, SystemModstamp FROM User ORDER BY Id");

        using var writer = new Utf8JsonWriter(Stream.Null);
        writer.WriteStartArray();
        for (var i = 0; i < result.RowCount; i++)
        {
            result.WriteRecord(writer, i, "66.0");
            if (i % 2000 == 0)
            {
                writer.Flush(); // as a page of the REST response would be
            }
        }

        writer.WriteEndArray();
        writer.Flush();

        Assert.Equal(100_000, result.RowCount);
        Assert.True(writer.BytesCommitted > 100_000 * 300);
    }
}
