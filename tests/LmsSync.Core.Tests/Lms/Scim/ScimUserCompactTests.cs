using LmsSync.Core.Lms.Scim;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>A user kept compact after a whole-list read gives back the same resource for PATCH diffs and previews.</summary>
public class ScimUserCompactTests
{
    private const string Json = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "id":"u-1","externalId":"005000000000001AAA","userName":"ann@acme.example","active":false,
         "name":{"givenName":"Ann","familyName":"Ödegaard \"Q\""},"emails":[{"value":"ann@acme.example","type":"work","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","employeeNumber":"42"},
         "meta":{"created":"2026-01-02T03:04:05.120Z","lastModified":"2026-02-03T04:05:06Z","version":"W/\"7\""}}
        """;

    private static JObject Parse() => (JObject)ScimJson.Parse(Json);

    [Fact]
    public void A_compacted_user_gives_the_same_resource_and_attributes_each_time()
    {
        var user = new ScimUser(Parse(), null);

        user.Compact();
        var first = user.Resource;
        first["title"] = "changed by a caller";

        Assert.True(JToken.DeepEquals(Parse(), user.Resource));
        Assert.Equal("2026-01-02T03:04:05.120Z", (string?)user.Resource["meta"]!["created"]);
        Assert.Equal("Ödegaard \"Q\"", user.FamilyName);
        Assert.Equal("Sales", user.Department);
        Assert.Equal("W/\"7\"", user.Version);
        Assert.False(user.Active);
    }
}
