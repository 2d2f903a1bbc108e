using System;
using System.Collections.Generic;
using System.Linq;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>An LMS user's fields compare names ignoring case, whether copied or taken over from a connector.</summary>
public class LmsUserFieldsTests
{
    [Fact]
    public void The_public_constructor_copies_so_later_changes_to_the_callers_dictionary_do_not_show()
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Title"] = "Trainer" };

        var user = new LmsUser("u-1", "ann", "ann@acme.example", true, fields);
        fields["title"] = "changed";

        Assert.Equal("Trainer", user.GetField("TITLE"));
    }

    [Fact]
    public void A_connectors_own_fields_are_kept_as_they_are_and_any_other_dictionary_is_copied()
    {
        var owned = new LmsUserFields(1) { ["name.givenName"] = "Ann" };
        var ordinal = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name.givenName"] = "Ann" };

        var taken = new LmsUser("u-1", "ann", null, false, owned, null, new[] { "g-1" }, "005000000000001AAA", isAdmin: true);
        var copied = new LmsUser("u-2", "bob", null, true, ordinal);

        Assert.Same(owned, taken.Fields);
        Assert.Equal("Ann", taken.GetField("NAME.GIVENNAME"));
        Assert.Equal(("u-1", "ann", false, "005000000000001AAA", true, "g-1"), (taken.LmsId, taken.Login, taken.Active, taken.SalesforceId, taken.IsAdmin, taken.GroupIds[0]));
        Assert.NotSame(ordinal, copied.Fields);
        Assert.Equal("Ann", copied.GetField("NAME.GIVENNAME"));
        Assert.Empty(copied.GroupIds);
    }

    [Fact]
    public void Values_over_shared_names_are_kept_as_they_are_and_read_like_a_dictionary_holding_every_name()
    {
        var names = new LmsFieldNames(new[] { "title", "name.givenName", "enterprise.department" });
        var values = new LmsFieldValues(names, new[] { "Trainer", "Ann", null });

        var user = new LmsUser("u-1", "ann", null, true, values);

        Assert.Same(values, user.Fields);
        Assert.Equal("Ann", user.GetField("NAME.GIVENNAME"));
        Assert.True(user.Fields.TryGetValue("Enterprise.Department", out var department));
        Assert.Null(department);
        Assert.False(user.Fields.ContainsKey("email"));
        Assert.Null(user.GetField("email"));
        Assert.Equal(3, user.Fields.Count);
        Assert.Equal(new[] { "title=Trainer", "name.givenName=Ann", "enterprise.department=" }, user.Fields.Select(p => p.Key + "=" + p.Value));
        Assert.Throws<ArgumentException>(() => new LmsFieldValues(names, new string?[2]));
    }
}
