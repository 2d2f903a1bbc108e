using System;
using System.Linq;
using LmsSync.Core.Lms.Scim;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>How mapped field names become SCIM attribute paths and PATCH operations.</summary>
public sealed class ScimAttributePathTests
{
    [Theory]
    [InlineData("title", "title")]
    [InlineData("name.givenName", "name.givenName")]
    [InlineData("email", "emails[type eq \"work\"].value")]
    [InlineData("phoneNumber", "phoneNumbers[type eq \"work\"].value")]
    [InlineData("emails[type eq \"home\"].value", "emails[type eq \"home\"].value")]
    [InlineData("enterprise.department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("enterprise.manager", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName", "userName")]
    [InlineData("urn:acme:scim:2.0:User:sendWelcomeEmail", "urn:acme:scim:2.0:User:sendWelcomeEmail")]
    public void Paths_parse_to_their_wire_form(string path, string wire) => Assert.Equal(wire, ScimAttributePath.Parse(path).WirePath);

    [Theory]
    [InlineData("")]
    [InlineData("a.b.c")]
    [InlineData("emails[value co \"x\"].value")]
    [InlineData("urn:")]
    public void Other_paths_are_refused_with_the_forms_that_work(string path) =>
        Assert.Contains("short forms", Assert.Throws<ArgumentException>(() => ScimAttributePath.Parse(path)).Message);

    [Fact]
    public void A_hand_made_user_with_an_untyped_primary_email_is_read_and_patched_through_primary()
    {
        var user = JObject.Parse("{\"emails\":[{\"value\":\"old@x.example\",\"primary\":true}]}");
        var email = ScimAttributePath.Parse("email");

        var patch = email.ToPatch(user, "new@x.example").Single();

        Assert.Equal("old@x.example", email.ReadFrom(user));
        Assert.Equal("replace", patch.Op);
        Assert.Equal("emails[primary eq true].value", patch.Path);
    }

    [Fact]
    public void A_manager_is_replaced_as_a_complex_value()
    {
        var patch = ScimAttributePath.Parse("enterprise.manager").ToPatch(new JObject(), "m2").Single();

        Assert.Equal("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", patch.Path);
        Assert.Equal("m2", (string?)patch.Value!["value"]);
    }

    [Fact]
    public void Filter_values_are_quoted_as_JSON_strings()
    {
        Assert.Equal("userName eq \"o\\\"brien\\\\x@acme.example\"", ScimFilter.Equal("userName", "o\"brien\\x@acme.example"));
    }

    [Fact]
    public void The_capabilities_are_documented_constants()
    {
        Assert.Equal("externalId", ScimCapabilities.SalesforceIdAttribute);
        Assert.False(ScimCapabilities.DepartmentsAreOrgUnits);
        Assert.True(ScimCapabilities.GroupMembershipPerMember);
        Assert.False(ScimCapabilities.HasStandardWelcomeEmailSwitch);
        Assert.Null(ScimCapabilities.RequestsPerMinute);
        Assert.Equal(16, ScimCapabilities.DefaultMaxConcurrency);
    }
}
