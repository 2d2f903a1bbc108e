using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Sync;

/// <summary>A row keeps what only changes, links and disputes need apart (made when first set); it must read as if it kept everything.</summary>
public sealed class PlanRowTests
{
    [Fact]
    public void A_row_that_changes_nothing_reads_the_documented_defaults()
    {
        var row = new PlanRow(PlanAction.NoChange, Sf.Id(1), "L1", "Ann", "ann@acme.com") { Changes = new FieldChange[0], CreatesLink = false, DepartmentChange = null };

        Assert.Empty(row.Changes);
        Assert.Empty(row.GroupsToJoin);
        Assert.Empty(row.GroupsToLeave);
        Assert.Empty(row.DisputedCandidates);
        Assert.Null(row.DepartmentChange);
        Assert.False(row.CreatesLink);
        Assert.False(row.SendWelcomeEmail);
        Assert.Equal(DeactivationReason.None, row.DeactivationReason);
        Assert.False(row.WritesToLms);
    }

    [Fact]
    public void Every_detail_set_reads_back_and_can_be_set_back_to_its_default()
    {
        var changes = new[] { new FieldChange("email", "a@x.com", "b@x.com") };
        var join = new[] { new GroupRef("g1", "Sales") };
        var leave = new[] { new GroupRef("g2", "Support") };
        var department = new DepartmentChange("d1", "Old", "d2", "New");
        var row = new PlanRow(PlanAction.Update, Sf.Id(1), "L1", "Ann", "ann@acme.com")
        {
            Changes = changes, GroupsToJoin = join, GroupsToLeave = leave, DepartmentChange = department, CreatesLink = true,
            SendWelcomeEmail = true, DisputedCandidates = new[] { "L2" }, DeactivationReason = DeactivationReason.Inactive,
        };

        Assert.Same(changes, row.Changes);
        Assert.Same(join, row.GroupsToJoin);
        Assert.Same(leave, row.GroupsToLeave);
        Assert.Same(department, row.DepartmentChange);
        Assert.True(row.CreatesLink);
        Assert.True(row.SendWelcomeEmail);
        Assert.Equal(new[] { "L2" }, row.DisputedCandidates);
        Assert.Equal(DeactivationReason.Inactive, row.DeactivationReason);

        row.Changes = new FieldChange[0];
        row.DepartmentChange = null;
        row.CreatesLink = false;
        row.DeactivationReason = DeactivationReason.None;
        Assert.Empty(row.Changes);
        Assert.Null(row.DepartmentChange);
        Assert.False(row.CreatesLink);
        Assert.Equal(DeactivationReason.None, row.DeactivationReason);
        Assert.Same(join, row.GroupsToJoin);
    }

    [Fact]
    public void A_list_given_empty_is_kept_so_what_its_giver_adds_later_shows()
    {
        var changes = new List<FieldChange>();
        var row = new PlanRow(PlanAction.Update, Sf.Id(1), "L1", "Ann", null) { Changes = changes };

        changes.Add(new FieldChange("email", null, "ann@acme.com"));

        Assert.Single(row.Changes);
    }
}
