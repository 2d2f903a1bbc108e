using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>Many-user writes: /Bulk within maxOperations and maxPayloadSize when offered, single requests when not.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimBulkTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private static ScimNewUser[] People(int count) => Enumerable.Range(1, count)
        .Select(i => new ScimNewUser($"bulk{i:00}@acme.example") { ExternalId = $"0055g0000000B{i:00}AAA" }.Set("name.familyName", "Bulk " + i).Set("email", $"bulk{i:00}@acme.example"))
        .ToArray();

    [Fact]
    public async Task Creates_go_through_Bulk_in_batches_of_maxOperations_and_a_duplicate_fails_alone()
    {
        Switch(b => b.BulkMaxOperations = 10);
        var client = Client();
        var people = People(24).Append(new ScimNewUser("maria.garcia@lms.example")).ToArray();

        var results = await client.CreateUsersAsync(people);

        Assert.Equal(25, results.Count);
        Assert.Equal(Enumerable.Range(0, 25), results.Select(r => r.Index));
        Assert.All(results.Take(24), r => { Assert.True(r.Succeeded); Assert.Equal(201, r.Status); Assert.True(r.ViaBulk); Assert.NotNull(r.Id); });
        Assert.True(results[24].Error!.IsConflict);
        Assert.Equal("uniqueness", results[24].Error!.ScimType);
        Assert.Equal(3, Requests("POST", "/Bulk").Count);
        Assert.Empty(Requests("POST", "/Users"));
        Assert.Equal(results[3].Id, (await client.FindUserByUserNameAsync("bulk04@acme.example"))!.Id);
    }

    [Fact]
    public async Task Batches_also_stay_within_maxPayloadSize()
    {
        Switch(b => b.BulkMaxPayloadSize = 1000); // about two users per request
        var client = Client();

        var results = await client.CreateUsersAsync(People(12));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.True(Requests("POST", "/Bulk").Count >= 4);
        Assert.All(Requests("POST", "/Bulk"), r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task Without_bulk_each_user_is_posted_with_bounded_concurrency()
    {
        Switch(b => b.BulkSupported = false);
        var client = Client(o => o.MaxConcurrency = 2);

        var results = await client.CreateUsersAsync(People(6));

        Assert.All(results, r => { Assert.True(r.Succeeded); Assert.False(r.ViaBulk); });
        Assert.Equal(6, Requests("POST", "/Users").Count);
        Assert.Empty(Requests("POST", "/Bulk"));
    }

    [Fact]
    public async Task Bulk_can_be_switched_off_in_the_client()
    {
        var client = Client(o => o.UseBulk = false);

        await client.CreateUsersAsync(People(3));

        Assert.Empty(Requests("POST", "/Bulk"));
    }

    [Fact]
    public async Task Updates_go_through_Bulk_with_versions_and_a_stale_one_is_redone_alone()
    {
        var client = Client();
        var created = await client.CreateUsersAsync(People(3));
        var users = await Task.WhenAll(created.Select(c => client.GetUserAsync(c.Id!)));
        await Client().UpdateUserAsync(users[1]!, new ScimUserChanges().Set("title", "changed elsewhere")); // users[1] is now stale

        var results = await client.UpdateUsersAsync(users.Select(u => new ScimUserUpdate(u!, new ScimUserChanges().Set("enterprise.department", "Ops"))).ToList());

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.True(results[0].ViaBulk);
        Assert.False(results[1].ViaBulk);
        Assert.All(users, u => Assert.Equal("Ops", (string?)StoredUser(u!.UserName)["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["department"]));
        Assert.Equal("changed elsewhere", (string?)StoredUser(users[1]!.UserName)["title"]);
    }

    [Fact]
    public async Task An_update_with_nothing_to_change_costs_no_request()
    {
        var client = Client();
        var tom = (await client.GetUserAsync("a0000000-0000-4000-8000-000000000003"))!;

        var results = await client.UpdateUsersAsync(new[] { new ScimUserUpdate(tom, new ScimUserChanges().Set("title", "Contractor")) });

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Empty(Requests("POST"));
        Assert.Empty(Requests("PATCH"));
    }
}
