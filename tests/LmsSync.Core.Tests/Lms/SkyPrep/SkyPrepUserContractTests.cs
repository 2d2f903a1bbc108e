using System;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Sandbox.SkyPrep;

namespace LmsSync.Core.Tests.Lms.SkyPrep;

/// <summary>Users against the SkyPrep emulator over real HTTP: paging, create, update, lifecycle, lookups.</summary>
public sealed class SkyPrepUserContractTests(SkyPrepSandboxFixture fixture) : SkyPrepTestBase(fixture)
{
    [Fact]
    public async Task Test_connection_says_success()
    {
        using var client = Client();
        await client.TestConnectionAsync();
        Assert.Single(Calls("test_connection"));
    }

    [Fact]
    public async Task Seeded_users_read_with_their_fields_groups_labels_and_status()
    {
        using var client = Client();

        var users = await ReadAll(client.ReadUsers());

        Assert.Equal(5, users.Count);
        var ann = users.Single(u => u.Email == "ann.archer@acme.example.com");
        Assert.Equal(("Ann", "Archer", "learner", "Acme"), (ann.FirstName, ann.LastName, ann.Role, ann.Company));
        Assert.Equal("005000000000001AAA", ann.SalesforceId);
        Assert.Equal("EMEA", ann.CustomLabels["region"]);
        Assert.Equal(new[] { "Sales" }, ann.Groups!.Select(g => g.Name));
        Assert.True(ann.IsActive);
        Assert.False(users.Single(u => u.Email == "di.doyle@acme.example.com").IsActive);
        Assert.Equal("admin", users.Single(u => u.Email == SkyPrepState.AdminEmail).Role);
    }

    [Theory]
    [InlineData(0, 10, 1)]   // nothing at all: one call, no page
    [InlineData(1, 10, 1)]   // one user
    [InlineData(10, 10, 2)]  // exactly one page: a second, empty page ends it
    [InlineData(25, 10, 3)]  // many pages, the last one short
    [InlineData(30, 10, 4)]  // many pages, the last one full
    public async Task Paging_boundaries(int users, int pageSize, int calls)
    {
        Emulator.State.Clear();
        if (users > 0) Emulator.State.AddLearners(users, Host.Context.Clock.UtcNow);
        using var client = Client(o => o.PageSize = pageSize);

        var read = await ReadAll(client.ReadUsers());

        Assert.Equal(users, read.Count);
        Assert.Equal(users, read.Select(u => u.Id).Distinct().Count());
        Assert.Equal(calls, Calls("get_users").Count);
        Assert.All(Calls("get_users"), r => Assert.Equal(200, r.Status));
        Assert.Contains(Wire, w => w.Body.Contains("per_page=" + pageSize));
    }

    [Theory]
    [InlineData(7)]   // fewer than a page
    [InlineData(10)]  // exactly a page: page 2 repeats page 1, which the reader spots
    [InlineData(23)]  // more than a page in one answer
    public async Task A_server_that_ignores_paging_is_read_once_without_duplicates(int users)
    {
        Emulator.State.Clear();
        Emulator.State.AddLearners(users, Host.Context.Clock.UtcNow);
        Emulator.Behaviour.Paging = false;
        using var client = Client(o => o.PageSize = 10);

        var read = await ReadAll(client.ReadUsers());

        Assert.Equal(users, read.Count);
        Assert.Equal(users, read.Select(u => u.Id).Distinct().Count());
    }

    [Fact]
    public async Task Single_response_mode_sends_no_paging_parameters()
    {
        Emulator.State.AddLearners(150, Host.Context.Clock.UtcNow);
        Emulator.Behaviour.Paging = false;
        Emulator.Behaviour.WrapLists = true;
        using var client = Client(o => o.Paging = SkyPrepPaging.SingleResponse);

        var read = await ReadAll(client.ReadUsers());

        Assert.Equal(155, read.Count);
        Assert.Single(Calls("get_users"));
        Assert.DoesNotContain(Wire, w => w.Body.Contains("per_page"));
    }

    [Fact]
    public async Task Create_sends_the_mapped_fields_and_returns_the_new_user()
    {
        using var client = Client();
        var fields = new SkyPrepUserFields { Email = "new.hire@acme.example.com", FirstName = "New", LastName = "Hire", Role = "learner", Company = "Acme", Title = "SDR", SalesforceId = "005000000000099AAA" };
        fields.CustomLabels["Region"] = "APAC";

        var created = await client.CreateUserAsync(fields, sendWelcomeEmail: false);

        Assert.True(created.Id > 0);
        var stored = StoredUser("new.hire@acme.example.com");
        Assert.Equal(("New", "Hire", "Acme", "SDR", "005000000000099AAA"), (stored.FirstName, stored.LastName, stored.Company, stored.Title, stored.SalesforceId));
        Assert.Equal("APAC", stored.CustomLabels["Region"]);
        Assert.Equal(created.Id, stored.Id);
        Assert.Contains(Wire, w => w.Body.Contains("user_email=new.hire%40acme.example.com") && w.Body.Contains("custom_labels%5BRegion%5D=APAC"));
    }

    [Fact]
    public async Task Welcome_email_on_is_sent_and_off_is_suppressed()
    {
        using var client = Client();

        var welcomed = await client.CreateUserAsync(new SkyPrepUserFields { Email = "hello@acme.example.com", FirstName = "He", LastName = "Llo" }, sendWelcomeEmail: true);
        var quiet = await client.CreateUserAsync(new SkyPrepUserFields { Email = "quiet@acme.example.com", FirstName = "Qu", LastName = "Iet" }, sendWelcomeEmail: false);

        var emails = Emulator.State.SentEmails();
        Assert.Contains(emails, e => e.UserId == welcomed.Id && e.Kind == "welcome");
        Assert.DoesNotContain(emails, e => e.UserId == quiet.Id);
        // Suppression is explicit: SkyPrep's UI mails every new user, so silence would not be "off".
        Assert.Contains(Wire, w => w.Body.Contains("send_login_info=false"));
    }

    [Fact]
    public async Task The_welcome_parameter_name_is_an_option()
    {
        Emulator.Behaviour.WelcomeEmailParameter = "email_notifications_on_create";
        using var client = Client(o => o.Names.WelcomeEmailParameter = "email_notifications_on_create");

        var quiet = await client.CreateUserAsync(new SkyPrepUserFields { Email = "quiet@acme.example.com", FirstName = "Qu", LastName = "Iet" }, sendWelcomeEmail: false);

        Assert.DoesNotContain(Emulator.State.SentEmails(), e => e.UserId == quiet.Id);
    }

    [Fact]
    public async Task A_client_using_the_wrong_welcome_parameter_mails_the_user_anyway()
    {
        // Proves the emulator is not lenient: the switch decides, so a name mismatch shows up in the test.
        Emulator.Behaviour.WelcomeEmailParameter = "email_notifications";
        using var client = Client();

        var user = await client.CreateUserAsync(new SkyPrepUserFields { Email = "oops@acme.example.com", FirstName = "Oo", LastName = "Ps" }, sendWelcomeEmail: false);

        Assert.Contains(Emulator.State.SentEmails(), e => e.UserId == user.Id);
    }

    [Fact]
    public async Task Duplicate_email_is_a_409_Duplicate_case_insensitively()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(new SkyPrepUserFields { Email = "ANN.ARCHER@acme.example.com", FirstName = "A", LastName = "A" }, false));

        Assert.Equal((SkyPrepErrorKind.Duplicate, 409), (error.Kind, error.StatusCode));
        Assert.Equal("Email has already been taken.", error.LmsMessage);
        Assert.Contains("Match the existing user", error.Message);
        Assert.Single(Calls("create_user"));
    }

    [Theory]
    [InlineData("not-an-email", "First", "Last", "invalid")]
    [InlineData("x@acme.example.com", "", "Last", "first_name")]
    [InlineData("x@acme.example.com", "First", null, "last_name")]
    public async Task Invalid_values_are_a_400_Validation_with_SkyPreps_words(string email, string? first, string? last, string said)
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.CreateUserAsync(new SkyPrepUserFields { Email = email, FirstName = first, LastName = last }, false));

        Assert.Equal((SkyPrepErrorKind.Validation, 400), (error.Kind, error.StatusCode));
        Assert.Contains(said, error.LmsMessage);
        Assert.Contains("Fix the values", error.Message);
        Assert.Empty(Emulator.State.SentEmails());
    }

    [Fact]
    public async Task Update_changes_only_what_is_set_and_blank_clears()
    {
        using var client = Client();
        var ann = StoredUser("ann.archer@acme.example.com");
        var changes = new SkyPrepUserFields { Title = "Senior AE", Company = "" };
        changes.CustomLabels["Region"] = "";

        var updated = await client.UpdateUserAsync(ann.Id, changes);

        var stored = StoredUser("ann.archer@acme.example.com");
        Assert.Equal(("Senior AE", null, "Ann"), (stored.Title, stored.Company, stored.FirstName));
        Assert.False(stored.CustomLabels.ContainsKey("Region"));
        Assert.Equal("Senior AE", updated!.Title);
    }

    [Fact]
    public async Task Updating_to_a_taken_email_is_a_duplicate_and_changes_nothing()
    {
        using var client = Client();
        var ann = StoredUser("ann.archer@acme.example.com");

        var error = await Assert.ThrowsAsync<SkyPrepException>(() => client.UpdateUserAsync(ann.Id, new SkyPrepUserFields { Email = "bo.baker@acme.example.com", Title = "X" }));

        Assert.Equal(SkyPrepErrorKind.Duplicate, error.Kind);
        Assert.Equal("Account Executive", StoredUser("ann.archer@acme.example.com").Title);
    }

    [Theory]
    [InlineData(SkyPrepDeactivation.StatusParameter, SkyPrepDeactivationStyle.StatusParameter)]
    [InlineData(SkyPrepDeactivation.DisabledFlag, SkyPrepDeactivationStyle.DisabledFlag)]
    [InlineData(SkyPrepDeactivation.DedicatedMethods, SkyPrepDeactivationStyle.DedicatedMethods)]
    public async Task Deactivate_then_reactivate_in_each_style(SkyPrepDeactivation option, SkyPrepDeactivationStyle style)
    {
        Emulator.Behaviour.Deactivation = style;
        using var client = Client(o => o.Deactivation = option);
        var bo = StoredUser("bo.baker@acme.example.com");

        await client.DeactivateUserAsync(bo.Id);
        Assert.False(StoredUser("bo.baker@acme.example.com").Active);
        Assert.False((await client.GetUserAsync(bo.Id))!.IsActive);

        await client.ReactivateUserAsync(bo.Id);
        Assert.True(StoredUser("bo.baker@acme.example.com").Active);
        Assert.True((await client.GetUserAsync(bo.Id))!.IsActive);
        Assert.NotEmpty(StoredUser("bo.baker@acme.example.com").GroupIds);   // records kept
    }

    [Fact]
    public async Task A_deactivation_style_mismatch_fails_visibly()
    {
        Emulator.Behaviour.Deactivation = SkyPrepDeactivationStyle.DedicatedMethods;
        using var client = Client(o => o.Deactivation = SkyPrepDeactivation.StatusParameter);
        var bo = StoredUser("bo.baker@acme.example.com");

        await client.DeactivateUserAsync(bo.Id);

        // The server ignored the unknown parameter: nothing changed, and the test of the real style would catch it.
        Assert.True(StoredUser("bo.baker@acme.example.com").Active);
    }

    [Fact]
    public async Task Get_user_of_an_unknown_id_is_null()
    {
        using var client = Client();
        Assert.Null(await client.GetUserAsync(9999));
    }

    [Fact]
    public async Task Find_by_email_uses_get_user_with_user_email()
    {
        using var client = Client();

        var cy = await client.FindUserByEmailAsync("CY.CHEN@acme.example.com");
        var nobody = await client.FindUserByEmailAsync("nobody@acme.example.com");

        Assert.Equal("Cy", cy!.FirstName);
        Assert.Null(nobody);
        Assert.Equal(2, Calls("get_user").Count);
        Assert.Empty(Calls("get_users"));
    }

    [Fact]
    public async Task Find_by_email_by_scan_when_get_user_takes_only_ids()
    {
        Emulator.Behaviour.GetUserAcceptsEmail = false;
        Emulator.State.AddLearners(30, Host.Context.Clock.UtcNow);
        using var strict = Client();
        var refused = await Assert.ThrowsAsync<SkyPrepException>(() => strict.FindUserByEmailAsync("cy.chen@acme.example.com"));
        Assert.Equal(SkyPrepErrorKind.Validation, refused.Kind);

        using var client = Client(o => { o.EmailLookup = SkyPrepLookup.Scan; o.PageSize = 10; });
        var found = await client.FindUserByEmailAsync("learner00030@bulk.example.com");

        Assert.Equal("00030", found!.LastName);
    }

    [Fact]
    public async Task Find_by_Salesforce_Id_scans_by_default_or_asks_get_user_when_configured()
    {
        using var scanning = Client();
        Assert.Equal("Cy", (await scanning.FindUserBySalesforceIdAsync("005000000000003AAA"))!.FirstName);
        Assert.Null(await scanning.FindUserBySalesforceIdAsync("005000000000404AAA"));

        Emulator.Behaviour.GetUserAcceptsSalesforceId = true;
        using var asking = Client(o => o.SalesforceIdLookup = SkyPrepLookup.GetUserParameter);
        var before = Calls("get_users").Count;
        Assert.Equal("Ann", (await asking.FindUserBySalesforceIdAsync("005000000000001AAA"))!.FirstName);
        Assert.Equal(before, Calls("get_users").Count);
    }

    [Fact]
    public async Task The_Salesforce_Id_field_is_an_option()
    {
        Emulator.Behaviour.SalesforceIdField = "external_id";
        using var client = Client(o => o.Names.SalesforceIdField = "external_id");

        var created = await client.CreateUserAsync(new SkyPrepUserFields { Email = "ext@acme.example.com", FirstName = "E", LastName = "X", SalesforceId = "005000000000777AAA" }, false);

        Assert.Equal("005000000000777AAA", created.SalesforceId);
        Assert.Equal("005000000000777AAA", StoredUser("ext@acme.example.com").SalesforceId);
    }
}
