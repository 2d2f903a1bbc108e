using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Sandbox.ISpring;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>The client's user calls against the emulator over real HTTP.</summary>
public sealed class ISpringUserContractTests : IClassFixture<ISpringSandboxFixture>
{
    private readonly ISpringSandboxFixture _sandbox;

    public ISpringUserContractTests(ISpringSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static async Task<List<IReadOnlyList<ISpringUser>>> PagesAsync(ISpringPageReader<ISpringUser> reader)
    {
        var pages = new List<IReadOnlyList<ISpringUser>>();
        IReadOnlyList<ISpringUser>? page;
        while ((page = await reader.ReadPageAsync()) != null) pages.Add(page);
        return pages;
    }

    [Theory]
    [InlineData(0, 10, new int[0])]
    [InlineData(1, 10, new[] { 1 })]
    [InlineData(10, 10, new[] { 10 })]
    [InlineData(11, 10, new[] { 10, 1 })]
    [InlineData(35, 10, new[] { 10, 10, 10, 5 })]
    public async Task Users_stream_page_by_page_at_the_boundaries(int users, int pageSize, int[] expectedPages)
    {
        _sandbox.Reset(empty: true);
        _sandbox.Store.AddLearners(users);
        using var client = _sandbox.Client(configure: o => o.PageSize = pageSize);

        var pages = await PagesAsync(client.ReadUsers());

        Assert.Equal(expectedPages, pages.Select(p => p.Count));
        Assert.Equal(users, pages.SelectMany(p => p).Select(u => u.UserId).Distinct().Count());
        Assert.All(_sandbox.Calls().Where(c => c.StartsWith("GET", StringComparison.Ordinal)), c => Assert.Equal("GET /users/v2", c));
        Assert.Equal(Math.Max(1, expectedPages.Length), _sandbox.Calls().Count(c => c == "GET /users/v2"));
    }

    [Fact]
    public async Task The_default_page_is_1000_users()
    {
        _sandbox.Store.AddLearners(1500);
        using var client = _sandbox.Client();

        var pages = await PagesAsync(client.ReadUsers());

        Assert.Equal(new[] { 1000, 505 }, pages.Select(p => p.Count));
        Assert.Contains(_sandbox.Host.Context.Requests.Since(0, "ispring"), r => r.Path.Contains("pageSize=1000"));
    }

    [Theory]
    [InlineData(ISpringFieldsShape.Array)]
    [InlineData(ISpringFieldsShape.Object)]
    public async Task Users_read_the_same_from_either_fields_shape(ISpringFieldsShape shape)
    {
        _sandbox.Emulator.Behaviour = new ISpringBehaviour { FieldsShape = shape };
        using var client = _sandbox.Client(configure: o => o.SalesforceIdField = "Salesforce Id");

        var ann = (await client.FindByLoginAsync("ann.lee"))!;

        Assert.Equal("ann.lee@acme.example", ann.Email);
        Assert.Equal("Ann", ann.FirstName);
        Assert.Equal("Lee", ann.Field("LAST_NAME"));
        Assert.Equal("005000000000001AAA", await client.GetSalesforceIdAsync(ann));
        Assert.Equal(_sandbox.DepartmentId("Sales"), ann.DepartmentId);
        Assert.Equal(2, ann.GroupIds.Count);
        Assert.True(ann.IsActive);
        Assert.NotNull(ann.AddedDate);
    }

    [Fact]
    public async Task Users_are_found_by_email_login_and_Salesforce_Id()
    {
        using var client = _sandbox.Client(configure: o => o.SalesforceIdField = "USER_DEFINED_FIELD1");

        var byEmail = await client.FindByEmailAsync("BOB.STONE@acme.example");
        var byLogin = await client.FindByLoginAsync("carla.diaz");
        var bySalesforceId = await client.FindBySalesforceIdAsync("005000000000001AAA");
        var nobody = await client.FindByEmailAsync("nobody@acme.example");

        Assert.Equal("bob.stone", byEmail!.Login);
        Assert.Equal(ISpringUserStatus.Inactive, byLogin!.Status);
        Assert.Equal("ann.lee", Assert.Single(bySalesforceId).Login);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task Without_a_Salesforce_Id_field_nothing_is_looked_up_and_writing_one_is_refused()
    {
        using var client = _sandbox.Client();
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId, SalesforceId = "005x" };
        user.Fields["login"] = "zed";

        Assert.Empty(await client.FindBySalesforceIdAsync("005000000000001AAA"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateUserAsync(user));
    }

    [Fact]
    public async Task A_Salesforce_Id_field_the_account_lacks_is_named_in_the_error()
    {
        using var client = _sandbox.Client(configure: o => o.SalesforceIdField = "SFDC Id");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ResolveSalesforceIdFieldAsync());

        Assert.Contains("SFDC Id", error.Message);
        Assert.Contains("Salesforce Id (USER_DEFINED_FIELD1)", error.Message);
    }

    [Fact]
    public async Task Create_without_welcome_email_sends_none_and_stores_the_Salesforce_Id()
    {
        using var client = _sandbox.Client(configure: o => o.SalesforceIdField = "Salesforce Id");
        var user = new ISpringNewUser { DepartmentId = _sandbox.DepartmentId("Support"), SalesforceId = "005000000000009AAA" };
        user.Fields["login"] = "eve.north";
        user.Fields["email"] = "eve.north@acme.example";
        user.Fields["first_name"] = "Eve";
        user.GroupIds.Add(_sandbox.GroupId("Onboarding"));

        var id = await client.CreateUserAsync(user);

        var created = await client.GetUserAsync(id);
        Assert.Equal("eve.north", created.Login);
        Assert.Equal(_sandbox.DepartmentId("Support"), created.DepartmentId);
        Assert.Equal("005000000000009AAA", created.Field("USER_DEFINED_FIELD1"));
        Assert.Contains(_sandbox.GroupId("Onboarding"), created.GroupIds);
        Assert.Empty(_sandbox.Store.SentEmails);
    }

    [Fact]
    public async Task Create_even_sends_sendLoginEmail_false_explicitly_so_the_servers_default_never_decides()
    {
        _sandbox.Emulator.Behaviour = new ISpringBehaviour { SendLoginEmailDefault = true };
        using var client = _sandbox.Client();
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId };
        user.Fields["login"] = "quiet";
        user.Fields["email"] = "quiet@acme.example";

        await client.CreateUserAsync(user);

        Assert.Empty(_sandbox.Store.SentEmails);
    }

    [Fact]
    public async Task Create_with_welcome_email_sends_one_with_the_invitation_message()
    {
        using var client = _sandbox.Client(configure: o => o.DefaultInvitationMessage = "Welcome to Acme learning");
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId, SendLoginEmail = true };
        user.Fields["login"] = "fay";
        user.Fields["email"] = "fay@acme.example";

        var id = await client.CreateUserAsync(user);

        var email = Assert.Single(_sandbox.Store.SentEmails);
        Assert.Equal((id, "fay@acme.example", "Welcome to Acme learning"), (email.UserId, email.Email, email.InvitationMessage));
    }

    [Fact]
    public async Task A_welcome_email_without_any_invitation_message_is_refused_before_the_wire()
    {
        using var client = _sandbox.Client();
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId, SendLoginEmail = true };
        user.Fields["login"] = "gus";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateUserAsync(user));

        Assert.Contains("InvitationMessage", error.Message);
        Assert.Empty(_sandbox.Calls());
    }

    [Fact]
    public async Task A_duplicate_login_or_email_is_a_409_that_says_to_match_instead()
    {
        using var client = _sandbox.Client();
        var user = new ISpringNewUser { DepartmentId = _sandbox.Store.RootDepartmentId };
        user.Fields["login"] = "someone.new";
        user.Fields["email"] = "ANN.LEE@acme.example";

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateUserAsync(user));

        Assert.True(error.IsConflict);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("same email", error.LmsMessage);
        Assert.Contains("match it instead", error.Message);
        Assert.Equal("POST /user", error.Operation);
    }

    [Fact]
    public async Task An_unknown_department_is_a_400_validation_error()
    {
        using var client = _sandbox.Client();
        var user = new ISpringNewUser { DepartmentId = Guid.NewGuid().ToString() };
        user.Fields["login"] = "hal";

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.CreateUserAsync(user));

        Assert.True(error.IsValidation);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task Update_changes_only_what_is_set_and_clears_a_field_set_empty()
    {
        using var client = _sandbox.Client(configure: o => o.SalesforceIdField = "Salesforce Id");
        var ann = _sandbox.UserId("ann.lee");
        var update = new ISpringUserUpdate { DepartmentId = _sandbox.DepartmentId("Support"), SalesforceId = "005000000000002AAA" };
        update.Fields["job_title"] = "Account Executive";
        update.Fields["first_name"] = "";

        await client.UpdateUserAsync(ann, update);

        var after = await client.GetUserAsync(ann);
        Assert.Equal(_sandbox.DepartmentId("Support"), after.DepartmentId);
        Assert.Equal("Account Executive", after.Field("job_title"));
        Assert.Null(after.FirstName);
        Assert.Equal("Lee", after.LastName);
        Assert.Equal("005000000000002AAA", after.Field("USER_DEFINED_FIELD1"));
        Assert.Equal(2, after.GroupIds.Count);
    }

    [Fact]
    public async Task Update_to_another_users_email_is_a_409()
    {
        using var client = _sandbox.Client();
        var update = new ISpringUserUpdate();
        update.Fields["email"] = "bob.stone@acme.example";

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.UpdateUserAsync(_sandbox.UserId("ann.lee"), update));

        Assert.True(error.IsConflict);
    }

    [Fact]
    public async Task Deactivate_and_reactivate_one_user()
    {
        using var client = _sandbox.Client();
        var ann = _sandbox.UserId("ann.lee");

        await client.DeactivateUserAsync(ann);
        var inactive = await client.GetUserAsync(ann);
        await client.ReactivateUserAsync(ann);
        var active = await client.GetUserAsync(ann);

        Assert.Equal(ISpringUserStatus.Inactive, inactive.Status);
        Assert.Equal(ISpringUserStatus.Active, active.Status);
        Assert.Equal(new[] { "POST /user/" + ann + "/status", "POST /user/" + ann + "/status" }, _sandbox.Calls().Where(c => c.StartsWith("POST /user", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Many_users_are_deactivated_and_activated_with_the_bulk_calls_in_batches()
    {
        var ids = _sandbox.Store.AddLearners(5);
        using var client = _sandbox.Client(configure: o => o.BulkBatchSize = 2);

        await client.DeactivateUsersAsync(ids);
        var afterDeactivate = ids.Select(id => _sandbox.Store.GetUser(id).User.Status).ToList();
        await client.ActivateUsersAsync(ids.Take(3));

        Assert.All(afterDeactivate, s => Assert.Equal(3, s));
        Assert.Equal(new[] { 1, 1, 1, 3, 3 }, ids.Select(id => _sandbox.Store.GetUser(id).User.Status));
        Assert.Equal(3, _sandbox.Calls().Count(c => c == "POST /users/deactivate"));
        Assert.Equal(2, _sandbox.Calls().Count(c => c == "POST /users/activate"));
    }

    [Fact]
    public async Task An_unknown_user_is_a_404_that_says_to_read_again()
    {
        using var client = _sandbox.Client();

        var error = await Assert.ThrowsAsync<ISpringApiException>(() => client.DeactivateUserAsync(Guid.NewGuid().ToString()));

        Assert.True(error.IsNotFound);
        Assert.Contains("read it again", error.Message);
    }
}
