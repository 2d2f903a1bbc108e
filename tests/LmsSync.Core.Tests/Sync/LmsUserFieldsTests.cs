using System;
using System.Collections.Generic;
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
    public void A_connector_hands_over_a_case_insensitive_dictionary_as_it_is_and_anything_else_is_copied()
    {
        var owned = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["name.givenName"] = "Ann" };
        var ordinal = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name.givenName"] = "Ann" };

        var taken = LmsUser.OwningFields("u-1", "ann", null, false, owned, new[] { "g-1" }, "005000000000001AAA", isAdmin: true);
        var copied = LmsUser.OwningFields("u-2", "bob", null, true, ordinal, null, null, isAdmin: false);

        Assert.Same(owned, taken.Fields);
        Assert.Equal(("u-1", "ann", false, "005000000000001AAA", true, "g-1"), (taken.LmsId, taken.Login, taken.Active, taken.SalesforceId, taken.IsAdmin, taken.GroupIds[0]));
        Assert.NotSame(ordinal, copied.Fields);
        Assert.Equal("Ann", copied.GetField("NAME.GIVENNAME"));
        Assert.Empty(copied.GroupIds);
        Assert.Throws<ArgumentException>(() => LmsUser.OwningFields("", "x", null, true, owned, null, null, false));
    }
}
