using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Salesforce.Describe;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Tests.Salesforce;

public class FieldValidationTests
{
    private static FieldDescription Field(string name, string type = "string", string? relationship = null, params string[] referenceTo) =>
        new(name, name, type, referenceTo, relationship, true, name.EndsWith("__c"), 80, true);

    private static readonly Dictionary<string, SObjectDescription> Org = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = new SObjectDescription("User", "User", "005", new[]
        {
            Field("Id", "id"), Field("Email", "email"), Field("Department"), Field("DepartmentId"), Field("Division"), Field("IsActive", "boolean"),
            Field("ManagerId", "reference", "Manager", "User"), Field("ProfileId", "reference", "Profile", "Profile"),
            Field("SystemModstamp", "datetime"), Field("Hire_Date__c", "date"),
        }),
        ["Profile"] = new SObjectDescription("Profile", "Profile", "00e", new[] { Field("Id", "id"), Field("Name") }),
    };

    private readonly List<string> _described = new();

    private Task<SObjectDescription> Describe(string name, CancellationToken _)
    {
        lock (_described) _described.Add(name);
        return Org.TryGetValue(name, out var d) ? Task.FromResult(d) : throw new InvalidOperationException("no " + name);
    }

    [Fact]
    public async Task Paths_resolve_through_relationships_to_canonical_spellings_and_types()
    {
        var resolved = await FieldPathResolver.ResolveAsync("user", new[] { "department", "manager.email", "Manager.Manager.Hire_Date__c", "profile.name" }, Describe, default);

        Assert.Equal(new[] { "Department", "Manager.Email", "Manager.Manager.Hire_Date__c", "Profile.Name" }, resolved.Select(r => r.Path).ToArray());
        Assert.Equal("date", resolved[2].Field.Type);
        Assert.Equal("Profile", resolved[3].ObjectName);
        Assert.Contains("Profile", _described);
    }

    [Fact]
    public async Task An_unknown_field_names_the_closest_real_ones()
    {
        var error = await Assert.ThrowsAsync<SalesforceFieldException>(() => FieldPathResolver.ResolveAsync("User", new[] { "Departmnt" }, Describe, default));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("No field 'Departmnt' on User. Closest: Department, DepartmentId?", problem.Message);
        Assert.Equal(new[] { "Department", "DepartmentId" }, problem.Closest.ToArray());
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_including_bad_relationships_and_bad_parent_fields()
    {
        var error = await Assert.ThrowsAsync<SalesforceFieldException>(() =>
            FieldPathResolver.ResolveAsync("User", new[] { "Email", "Managr.Email", "Manager.Emial", "ManagerId.Email" }, Describe, default));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("No relationship 'Managr' on User in 'Managr.Email'. Closest: Manager?", error.Message);
        Assert.Contains("No field 'Emial' on User (via Manager) in 'Manager.Emial'. Closest: Email?", error.Message);
        Assert.Contains("Manager.Email, not ManagerId.Email", error.Message);
    }

    [Theory]
    [InlineData("Departmnt", "Department", 1)]
    [InlineData("EMAIL", "email", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_ignores_case(string a, string b, int distance) =>
        Assert.Equal(distance, ClosestNames.Distance(a.ToLowerInvariant(), b.ToLowerInvariant()));

    [Fact]
    public void Nothing_close_gives_no_suggestions() =>
        Assert.Empty(ClosestNames.Find("Zebra", new[] { "Department", "Email", "ManagerId" }));
}
