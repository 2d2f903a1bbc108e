using System.Linq;
using System.Text;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>The users of one read hold equal values as one string; the values themselves are those read.</summary>
public class ScimValueSharingTests
{
    private static readonly ScimFieldSet Catalog = new(LmsFieldCatalog.Scim.Fields.Select(f => f.Name));

    private static ScimListedUser[] Read(ScimValueSharing sharing, params string[] users)
    {
        var page = Encoding.UTF8.GetBytes("{\"totalResults\":" + users.Length + ",\"Resources\":[" + string.Join(",", users) + "]}");
        return ScimStreamReader.Read(page, page.Length, r => ScimStreamReader.ListPage(r, u => ScimStreamReader.User(u, Catalog, sharing)))!.Resources.ToArray();
    }

    private static string User(int n) =>
        "{\"id\":\"u-" + n + "\",\"userName\":\"user" + n + "@x\",\"title\":\"Trainer\",\"emails\":[{\"value\":\"user" + n + "@x\",\"type\":\"work\"}]," +
        "\"meta\":{\"version\":\"W/\\\"1\\\"\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Sales\"}}";

    [Fact]
    public void Equal_values_across_pages_of_a_read_and_within_a_user_are_one_string()
    {
        var sharing = new ScimValueSharing();
        var first = Read(sharing, User(1), User(2));
        var later = Read(sharing, User(3)).Single();

        var all = first.Append(later).ToArray();
        Assert.Equal(new[] { "Trainer", "Trainer", "Trainer" }, all.Select(u => u.Fields["title"]));
        Assert.All(all, u => Assert.Same(first[0].Fields["title"], u.Fields["title"]));
        Assert.All(all, u => Assert.Same(first[0].Fields["enterprise.department"], u.Fields["enterprise.department"]));
        Assert.All(all, u => Assert.Same(first[0].User.Version, u.User.Version));
        Assert.Equal("W/\"1\"", later.User.Version);
        // The work email is the userName's string, which the identity holds too.
        Assert.Equal("user3@x", later.Fields["email"]);
        Assert.Same(later.Fields["userName"], later.Fields["email"]);
        Assert.Same(later.Fields["userName"], later.User.UserName);
    }

    [Fact]
    public void Separate_reads_share_nothing()
    {
        var one = Read(new ScimValueSharing(), User(1)).Single();
        var other = Read(new ScimValueSharing(), User(2)).Single();

        Assert.Equal(one.Fields["title"], other.Fields["title"]);
        Assert.NotSame(one.Fields["title"], other.Fields["title"]);
    }
}
