using System;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Scim;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>SCIM has no welcome-email switch: silent by default, a vendor attribute when configured on both sides.</summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimWelcomeEmailTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string WelcomeAttribute = "urn:lmssync:params:scim:schemas:extension:welcome:2.0:User:sendWelcomeEmail";

    [Fact]
    public async Task By_default_the_service_provisions_silently()
    {
        await Client().CreateUserAsync(new ScimNewUser("silent@acme.example").Set("email", "silent@acme.example"));

        Assert.Empty(Emulator.WelcomeEmails);
    }

    [Fact]
    public async Task Asking_for_a_welcome_email_without_a_configured_attribute_is_refused_before_sending()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateUserAsync(new ScimNewUser("x@acme.example"), sendWelcomeEmail: true));

        Assert.Contains("WelcomeEmailAttribute", error.Message);
        Assert.False(client.CanControlWelcomeEmail);
        Assert.Empty(Requests("POST"));
    }

    [Fact]
    public async Task With_the_vendor_attribute_configured_the_email_goes_out_only_when_asked()
    {
        Switch(b => b.WelcomeEmail = ScimWelcomeEmailMode.Attribute);
        var client = Client(o => o.WelcomeEmailAttribute = WelcomeAttribute);

        await client.CreateUserAsync(new ScimNewUser("welcome.on@acme.example").Set("email", "on@mail.example"), sendWelcomeEmail: true);
        await client.CreateUserAsync(new ScimNewUser("welcome.off@acme.example").Set("email", "off@mail.example"), sendWelcomeEmail: false);

        var sent = Assert.Single(Emulator.WelcomeEmails);
        Assert.Equal("welcome.on@acme.example", sent.UserName);
        Assert.Equal("on@mail.example", sent.To);
        Assert.True(client.CanControlWelcomeEmail);
        Assert.Null(StoredUser("welcome.on@acme.example")["urn:lmssync:params:scim:schemas:extension:welcome:2.0:User"]); // write-only
    }

    [Fact]
    public async Task Bulk_creates_carry_the_switch_too()
    {
        Switch(b => b.WelcomeEmail = ScimWelcomeEmailMode.Attribute);
        var client = Client(o => o.WelcomeEmailAttribute = WelcomeAttribute);

        await client.CreateUsersAsync(new[] { new ScimNewUser("b1@acme.example"), new ScimNewUser("b2@acme.example") }, sendWelcomeEmail: true);

        Assert.Equal(new[] { "b1@acme.example", "b2@acme.example" }, Emulator.WelcomeEmails.Select(e => e.UserName));
        Assert.Single(Requests("POST", "/Bulk"));
    }

    [Fact]
    public async Task A_service_that_always_mails_on_create_does_so_whatever_the_client_says()
    {
        Switch(b => b.WelcomeEmail = ScimWelcomeEmailMode.OnCreate);

        await Client().CreateUserAsync(new ScimNewUser("always@acme.example"));

        Assert.Equal("always@acme.example", Assert.Single(Emulator.WelcomeEmails).To);
    }

    [Fact]
    public async Task A_service_that_does_not_know_the_attribute_refuses_it()
    {
        var client = Client(o => o.WelcomeEmailAttribute = "urn:acme:params:scim:schemas:extension:lms:2.0:User:sendWelcomeEmail");

        var error = await Assert.ThrowsAsync<ScimException>(() => client.CreateUserAsync(new ScimNewUser("unknown.ext@acme.example"), sendWelcomeEmail: true));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("urn:acme", error.Detail);
    }
}
