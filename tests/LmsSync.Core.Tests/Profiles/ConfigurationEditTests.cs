using System;
using System.Collections;
using System.Collections.Generic;
using LmsSync.Core.Engine;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Profiles;
using LmsSync.Core.Rules;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Profiles;

public sealed class ConfigurationEditTests
{
    [Fact]
    public void Set_mapping_creates_a_field_with_primary_and_secondary()
    {
        var mapping = new SyncMapping();
        new MappingChange { LmsField = "jobTitle", Primary = "Title", Secondary = new[] { "Department" }, Transforms = new[] { FieldTransform.Trim } }.ApplyTo(mapping);

        var field = mapping.Find("jobTitle")!;
        Assert.Equal(new[] { "Title", "Department" }, field.Sources);
        Assert.Equal(new[] { FieldTransform.Trim }, field.Transforms);
    }

    [Fact]
    public void Set_mapping_changes_only_what_is_given()
    {
        var mapping = new SyncMapping();
        new MappingChange { LmsField = "email", Primary = "Email", Secondary = new[] { "FederationIdentifier" } }.ApplyTo(mapping);

        new MappingChange { LmsField = "EMAIL", Default = "x@acme.com", ApplyOn = ApplyOn.Always }.ApplyTo(mapping);
        new MappingChange { LmsField = "email", Secondary = new[] { "Alias" } }.ApplyTo(mapping);

        var field = Assert.Single(mapping.Fields);
        Assert.Equal(new[] { "Email", "Alias" }, field.Sources);
        Assert.Equal("x@acme.com", field.Default);
        Assert.Equal(ApplyOn.Always, field.ApplyOn);
    }

    [Fact]
    public void Department_and_group_are_their_own_mappings()
    {
        var mapping = new SyncMapping();
        new MappingChange { LmsField = "department", Primary = "Department", Default = "Unassigned" }.ApplyTo(mapping);
        new MappingChange { LmsField = "groups", Primary = "Department", Secondary = new[] { "Groups__c" }, IncludePublicGroups = true }.ApplyTo(mapping);

        Assert.Empty(mapping.Fields);
        Assert.Equal("Unassigned", mapping.Department!.Default);
        Assert.Equal(new[] { "Department", "Groups__c" }, mapping.Groups!.Sources);
        Assert.True(mapping.Groups.IncludePublicGroups);
        var rows = MappingRow.From(mapping);
        Assert.Equal(new[] { "department", "group" }, new[] { rows[0].LmsField, rows[1].LmsField });
        Assert.True(MappingRow.Of(mapping, "Group")!.IncludePublicGroups);

        Assert.True(MappingChange.Remove(mapping, "group"));
        Assert.Null(mapping.Groups);
        Assert.False(MappingChange.Remove(mapping, "nothing"));
    }

    [Fact]
    public void Group_settings_on_a_field_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new MappingChange { LmsField = "email", IncludePublicGroups = true }.ApplyTo(new SyncMapping()));
    }

    [Fact]
    public void Conditions_come_from_hashtables_with_any_key_case()
    {
        var condition = RuleBuilder.Condition(new Hashtable { ["field"] = "Department", ["OPERATOR"] = "in", ["Value"] = new object[] { "Finance", "Legal" } });

        Assert.Equal("Department", condition.Field);
        Assert.Equal(RuleOperator.In, condition.Operator);
        Assert.Equal(new[] { "Finance", "Legal" }, condition.Values);
    }

    [Theory]
    [InlineData("Field", "X", "Operator", "Resembles")]
    [InlineData("Operator", "Equals", "Value", "x")]
    [InlineData("Field", "X", "Colour", "blue")]
    public void A_bad_hashtable_condition_says_what_is_wrong(string k1, string v1, string k2, string v2)
    {
        Assert.Throws<ArgumentException>(() => RuleBuilder.Condition(new Hashtable { [k1] = v1, [k2] = v2 }));
    }

    [Fact]
    public void Several_values_only_for_In_and_NotIn()
    {
        Assert.Throws<ArgumentException>(() => RuleBuilder.Condition("Title", RuleOperator.Equals, new[] { "a", "b" }));
        Assert.Equal("a", RuleBuilder.Condition("Title", RuleOperator.Equals, new[] { "a" }).Value);
    }

    [Fact]
    public void Rules_insert_at_a_position_and_remove_by_name()
    {
        var rules = new List<ImportRule> { new() { Name = "a" }, new() { Name = "b" } };
        RuleBuilder.Insert(rules, new ImportRule { Name = "first" }, 0);
        RuleBuilder.Insert(rules, new ImportRule { Name = "last" }, null);

        Assert.Equal(new[] { "first", "a", "b", "last" }, rules.ConvertAll(r => r.Name));
        Assert.True(RuleBuilder.Remove(rules, "A"));
        Assert.False(RuleBuilder.Remove(rules, "a"));
    }

    [Fact]
    public void Options_change_only_what_is_set_and_blank_text_clears()
    {
        var configuration = new SyncConfiguration();
        configuration.Options.TerminationDateField = "Last_Day__c";
        new OptionSettings { DeactivateMissingUsers = true, TerminationDateField = "", SourceObject = "contact", IncludedGroups = new[] { "Sales", "sales", " " } }.ApplyTo(configuration);

        Assert.True(configuration.Options.DeactivateMissingUsers);
        Assert.Null(configuration.Options.TerminationDateField);
        Assert.Equal("Contact", configuration.Source.ObjectName);
        Assert.Equal(new[] { "Sales" }, configuration.Scope!.IncludedGroups);
        Assert.Equal("UTC", configuration.Options.TimeZone);
        Assert.Equal("Contact", OptionSettings.From(configuration).SourceObject);
        Assert.Throws<ArgumentException>(() => new OptionSettings { SourceObject = "Lead" }.ApplyTo(configuration));
    }

    [Fact]
    public void A_copy_is_independent_and_copies_back_into_the_same_object()
    {
        var original = new SyncConfiguration { Mapping = LmsFieldCatalog.DefaultMapping(LmsKind.SkyPrep) };
        var copy = ConfigurationCheck.Copy(original);
        copy.Rules.Add(new ImportRule { Name = "x" });
        copy.Mapping.Fields.Clear();

        Assert.Empty(original.Rules);
        Assert.NotEmpty(original.Mapping.Fields);
        ConfigurationCheck.CopyInto(copy, original);
        Assert.Single(original.Rules);
        Assert.Empty(original.Mapping.Fields);
    }
}
