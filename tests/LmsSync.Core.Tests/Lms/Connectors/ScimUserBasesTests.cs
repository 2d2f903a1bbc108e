using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LmsSync.Core.Lms.Connectors;
using LmsSync.Core.Lms.Scim;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.Connectors;

/// <summary>The SCIM users as last read (<see cref="ScimUserBases"/>): listed by the read, by id once asked for, the last listed of an id winning.</summary>
public sealed class ScimUserBasesTests
{
    private static ScimUser User(string id, string userName) => new(new JObject { ["id"] = id, ["userName"] = userName }, null);

    [Fact]
    public async Task The_table_holds_every_user_listed_the_last_of_an_id_and_those_remembered_since_whoever_asks_first()
    {
        var listed = new List<ScimUser>();
        var bases = new ScimUserBases(listed);
        for (var i = 0; i < 1000; i++) listed.Add(User("u" + i, "first" + i));
        listed.Add(User("u7", "again"));

        // Asked for by many at once: one table, made once.
        var tables = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => bases.Table)));
        Assert.All(tables, t => Assert.Same(tables[0], t));
        Assert.Equal(1000, tables[0].Count);
        Assert.Equal("again", bases.Table["u7"].UserName);
        Assert.Equal("first999", bases.Table["u999"].UserName);

        bases.Table["u1000"] = User("u1000", "created");
        Assert.True(bases.Table.TryRemove("u3", out _));
        Assert.Equal(1000, bases.Table.Count);
        Assert.Equal("created", bases.Table["u1000"].UserName);
        Assert.Empty(ScimUserBases.Empty().Table);
    }
}
