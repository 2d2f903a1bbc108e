using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>Create, find, update, deactivate, reactivate, duplicates and validation, against the emulator over HTTP.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimUserContractTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static ScimNewUser Ann() => new ScimNewUser("ann.lee@acme.example") { ExternalId = "0055g00000AnnLeeAAA" }
        .Set("name.givenName", "Ann").Set("name.familyName", "Lee").Set("displayName", "Ann Lee")
        .Set("email", "ann.lee@acme.example").Set("title", "Account Executive")
        .Set("enterprise.department", "Sales").Set("enterprise.employeeNumber", "E-1001")
        .Set("enterprise.manager", "a0000000-0000-4000-8000-000000000001");

    [Fact]
    public async Task Create_posts_the_user_with_the_enterprise_extension_and_returns_it_versioned()
    {
        var client = Client();

        var user = await client.CreateUserAsync(Ann());

        Assert.Equal("ann.lee@acme.example", user.UserName);
        Assert.Equal("0055g00000AnnLeeAAA", user.ExternalId);
        Assert.True(user.Active);
        Assert.Equal("W/\"1\"", user.Version);
        Assert.Equal("Sales", user.Department);
        Assert.Equal("E-1001", user.EmployeeNumber);
        Assert.Equal("a0000000-0000-4000-8000-000000000001", user.ManagerId);
        Assert.Equal("ann.lee@acme.example", user.Email);
        var stored = StoredUser("ann.lee@acme.example");
        Assert.Contains(Enterprise, stored["schemas"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("work", (string?)stored["emails"]![0]!["type"]);
        Assert.Equal(201, Requests("POST", "/Users").Single().Status);
    }

    [Fact]
    public async Task Find_by_userName_is_case_insensitive_and_by_externalId_and_email()
    {
        var client = Client();
        var created = await client.CreateUserAsync(Ann());

        Assert.Equal(created.Id, (await client.FindUserByUserNameAsync("ANN.LEE@acme.example"))!.Id);
        Assert.Null(await client.FindUserByUserNameAsync("nobody@acme.example"));
        Assert.Equal(created.Id, Assert.Single(await client.FindUsersByExternalIdAsync("0055g00000AnnLeeAAA")).Id);
        Assert.Empty(await client.FindUsersByExternalIdAsync("0055g00000annleeaaa")); // externalId is caseExact
        Assert.Equal(created.Id, Assert.Single(await client.FindUsersByEmailAsync("ann.lee@acme.example")).Id);
        Assert.Equal(created.Id, (await client.GetUserAsync(created.Id))!.Id);
        Assert.Null(await client.GetUserAsync("no-such-id"));
    }

    [Fact]
    public async Task A_userName_with_quotes_and_backslashes_is_found_through_an_escaped_filter()
    {
        var client = Client();
        var created = await client.CreateUserAsync(new ScimNewUser("o\"brien\\x@acme.example"));

        Assert.Equal(created.Id, (await client.FindUserByUserNameAsync("o\"brien\\x@acme.example"))!.Id);
    }

    [Fact]
    public void Active_is_not_a_mapped_attribute()
    {
        Assert.Throws<System.ArgumentException>(() => new ScimUserChanges().Set("active", "false"));
        Assert.Throws<System.ArgumentException>(() => new ScimNewUser("x@acme.example").Set("Active", "true"));
    }

    [Fact]
    public async Task A_duplicate_userName_is_a_409_uniqueness_conflict()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ScimException>(() => client.CreateUserAsync(new ScimNewUser("Maria.Garcia@lms.example")));

        Assert.True(error.IsConflict);
        Assert.Equal("uniqueness", error.ScimType);
        Assert.Contains("already taken", error.Detail);
        Assert.Contains("match it instead of creating", error.Message);
    }

    [Fact]
    public async Task An_attribute_the_service_does_not_have_is_a_400_with_its_words()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ScimException>(() => client.CreateUserAsync(new ScimNewUser("x@acme.example").Set("favouriteColour", "blue")));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalidSyntax", error.ScimType);
        Assert.Contains("favouriteColour", error.Detail);
        Assert.Contains("POST /Users", error.Message);
    }

    [Fact]
    public async Task Update_patches_only_what_changed_with_value_and_extension_paths_and_If_Match()
    {
        var client = Client();
        var user = await client.CreateUserAsync(Ann());
        var changes = new ScimUserChanges()
            .Set("name.givenName", "Anne")               // sub-attribute
            .Set("email", "anne.lee@acme.example")       // emails[type eq "work"].value
            .Set("enterprise.department", "Marketing")   // department "moved"
            .Set("title", null)                          // removed
            .Set("displayName", "Ann Lee");              // unchanged: not sent

        var updated = await client.UpdateUserAsync(user, changes);

        Assert.NotNull(updated);
        Assert.Equal("Anne", updated!.GivenName);
        Assert.Equal("anne.lee@acme.example", updated.Email);
        Assert.Equal("Marketing", updated.Department);
        Assert.Null(updated.Title);
        Assert.Equal("W/\"2\"", updated.Version);
        var stored = StoredUser("ann.lee@acme.example");
        Assert.Single(stored["emails"]!.AsArray());
        Assert.Equal(200, Requests("PATCH", "/Users/").Single().Status);
    }

    [Fact]
    public async Task Clearing_the_department_removes_it_and_the_extension_block()
    {
        var client = Client();
        var user = await client.CreateUserAsync(new ScimNewUser("dept@acme.example").Set("enterprise.department", "Sales"));

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("enterprise.department", ""));

        Assert.Null(updated!.Department);
        Assert.Null(StoredUser("dept@acme.example")[Enterprise]);
    }

    [Fact]
    public async Task An_email_on_a_user_without_one_is_added_not_replaced()
    {
        var client = Client();
        var user = await client.CreateUserAsync(new ScimNewUser("noemail@acme.example"));

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("email", "noemail@acme.example"));

        Assert.Equal("noemail@acme.example", updated!.Email);
        var email = StoredUser("noemail@acme.example")["emails"]!.AsArray().Single()!;
        Assert.Equal("work", (string?)email["type"]);
        Assert.True((bool)email["primary"]!);
    }

    [Fact]
    public async Task Nothing_to_change_sends_nothing()
    {
        var client = Client();
        var user = await client.CreateUserAsync(Ann());

        var same = await client.UpdateUserAsync(user, new ScimUserChanges().Set("title", "Account Executive").Set("enterprise.department", "Sales"));

        Assert.Same(user, same);
        Assert.Empty(Requests("PATCH"));
    }

    [Fact]
    public async Task Deactivate_and_reactivate_switch_active()
    {
        var client = Client();
        var user = await client.CreateUserAsync(Ann());

        var off = await client.DeactivateUserAsync(user);
        Assert.False(off!.Active);
        Assert.False((bool)StoredUser(user.UserName)["active"]!);

        var on = await client.ReactivateUserAsync(user.Id);
        Assert.True(on!.Active);
        Assert.Equal(new[] { 200, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task A_stale_version_gets_412_then_one_reread_and_a_retry_that_wins()
    {
        var client = Client();
        var user = await client.CreateUserAsync(Ann());
        await Client().UpdateUserAsync(user, new ScimUserChanges().Set("title", "Changed elsewhere")); // version 2

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("enterprise.department", "Support")); // sends If-Match W/"1"

        Assert.Equal("Support", updated!.Department);
        Assert.Equal("Changed elsewhere", updated.Title);
        var log = Requests().Where(r => r.Path.Contains(user.Id)).Select(r => r.Method + " " + r.Status).ToList();
        Assert.Equal(new[] { "PATCH 200", "PATCH 412", "GET 200", "PATCH 200" }, log);
    }

    [Fact]
    public async Task Two_412s_in_a_row_fail_with_advice()
    {
        var client = Client();
        var user = await client.CreateUserAsync(Ann());
        Host.Context.Faults.Add(new LmsSync.Sandbox.Faults.FaultRule
        {
            Method = "PATCH", PathPattern = "^/scim/v2/Users/", StatusCode = 412, Times = 2,
            Body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"412\",\"detail\":\"version mismatch\"}",
        });

        var error = await Assert.ThrowsAsync<ScimException>(() => client.UpdateUserAsync(user, new ScimUserChanges().Set("title", "x")));

        Assert.True(error.IsPreconditionFailed);
        Assert.Contains("Run again", error.Message);
        Assert.Equal(2, Requests("PATCH").Count);
    }

    [Fact]
    public async Task Without_etag_support_no_If_Match_is_sent_and_a_stale_copy_just_writes()
    {
        Switch(b => b.EtagSupported = false);
        var client = Client();
        var user = await client.CreateUserAsync(Ann());
        await Client().UpdateUserAsync(user, new ScimUserChanges().Set("title", "Changed elsewhere"));

        var updated = await client.UpdateUserAsync(user, new ScimUserChanges().Set("enterprise.department", "Support"));

        Assert.Null(user.Version);
        Assert.Equal("Support", updated!.Department);
        Assert.Equal(new[] { 200, 200 }, Requests("PATCH").Select(r => r.Status));
    }

    [Fact]
    public async Task Users_the_service_holds_are_read_with_their_attributes()
    {
        var client = Client();

        var yuki = (await client.FindUserByUserNameAsync("yuki.tanaka@lms.example"))!;

        Assert.False(yuki.Active);
        Assert.Null(yuki.ExternalId);
        Assert.Equal("Learning & Development", yuki.Department);
        Assert.Equal("Yuki", yuki.GivenName);
        Assert.Equal("Tanaka", yuki.FamilyName);
        Assert.NotNull(yuki.Created);
        Assert.Equal("W/\"1\"", yuki.Version);
        Assert.Contains("\"userName\"", yuki.ToJson());
    }
}
