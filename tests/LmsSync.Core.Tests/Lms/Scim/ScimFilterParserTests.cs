using System.Text.Json.Nodes;
using LmsSync.Sandbox.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>The emulator's RFC 7644 §3.4.2.2 filter parser and its comparison rules.</summary>
public sealed class ScimFilterParserTests
{
    private static readonly JsonObject Ann = JsonNode.Parse("""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "id": "u1", "externalId": "0055g00000AnnAAA", "userName": "Ann.Lee@acme.example",
          "name": { "givenName": "Ann", "familyName": "Lee" }, "title": "AE", "active": true,
          "emails": [ { "value": "ann@home.example", "type": "home" }, { "value": "ann.lee@acme.example", "type": "work", "primary": true } ],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { "department": "Sales", "manager": { "value": "m1" } },
          "meta": { "created": "2026-01-10T08:00:00Z", "lastModified": "2026-03-01T12:00:00Z", "version": "W/\"3\"" }
        }
        """)!.AsObject();

    private static bool Matches(string filter) => ScimFilterParser.Parse(ScimSchemas.UserType, filter).Matches(Ann);

    [Theory]
    [InlineData("userName eq \"ann.lee@ACME.example\"", true)]          // userName is caseExact false
    [InlineData("USERNAME Eq \"ann.lee@acme.example\"", true)]          // names and operators are case-insensitive
    [InlineData("externalId eq \"0055g00000annaaa\"", false)]           // externalId is caseExact
    [InlineData("externalId eq \"0055g00000AnnAAA\"", true)]
    [InlineData("userName ne \"someone@else\"", true)]
    [InlineData("userName co \"lee@\"", true)]
    [InlineData("userName sw \"ann.\"", true)]
    [InlineData("userName ew \".example\"", true)]
    [InlineData("name.familyName eq \"Lee\"", true)]
    [InlineData("title pr", true)]
    [InlineData("nickName pr", false)]
    [InlineData("active eq true", true)]
    [InlineData("active ne true", false)]
    [InlineData("emails.value eq \"ann@home.example\"", true)]
    [InlineData("emails eq \"ann@home.example\"", true)]                // complex multi-valued compares "value"
    [InlineData("emails[type eq \"work\" and value co \"acme\"]", true)]
    [InlineData("emails[type eq \"work\" and value co \"home\"]", false)]
    [InlineData("meta.lastModified gt \"2026-02-01T00:00:00Z\"", true)]
    [InlineData("meta.created ge \"2026-01-10T08:00:00Z\"", true)]
    [InlineData("meta.created lt \"2026-01-10T08:00:00Z\"", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"sales\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"m1\"", true)]
    [InlineData("title eq \"x\" or userName sw \"ann\" and active eq false", false)]   // and binds tighter than or
    [InlineData("(title eq \"x\" or userName sw \"ann\") and active eq true", true)]
    [InlineData("not (title eq \"AE\")", false)]
    [InlineData("not(title eq \"x\") and not (active eq false)", true)]
    [InlineData("title eq null", false)]
    [InlineData("nickName eq null", true)]
    [InlineData("displayName eq \"a\\\"quote\"", false)]
    public void Filters_match_like_the_RFC_says(string filter, bool expected) => Assert.Equal(expected, Matches(filter));

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName eq ann")]
    [InlineData("userName equals \"a\"")]
    [InlineData("bogus eq \"a\"")]
    [InlineData("name eq \"Ann\"")]
    [InlineData("active gt true")]
    [InlineData("active eq \"true\"")]
    [InlineData("meta.created gt \"yesterday\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("userName eq \"a\")")]
    [InlineData("userName eq \"a\" and")]
    [InlineData("not userName eq \"a\"")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("title[value eq \"x\"]")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("urn:example:unknown:2.0:User:x eq \"a\"")]
    [InlineData("")]
    public void Anything_else_is_400_invalidFilter(string filter)
    {
        var error = Assert.Throws<ScimError>(() => ScimFilterParser.Parse(ScimSchemas.UserType, filter));

        Assert.Equal(400, error.Status);
        Assert.Equal("invalidFilter", error.ScimType);
    }
}
