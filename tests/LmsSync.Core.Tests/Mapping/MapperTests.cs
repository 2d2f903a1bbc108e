using System;
using System.Collections.Generic;
using LmsSync.Core.Lms;
using LmsSync.Core.Mapping;
using LmsSync.Core.Sync;
using LmsSync.Core.Tests.Sync;

namespace LmsSync.Core.Tests.Mapping;

public class MapperTests
{
    private static MappedValue Map(FieldMapping mapping, params (string, object?)[] fields) =>
        Mapper.MapValue(mapping, Sf.Record(Sf.Id(1), fields).Record, mapping.ClearWhenBlank);

    public static IEnumerable<object?[]> Fallbacks() => new[]
    {
        // primary, secondary, third, default → value, origin, source field
        new object?[] { "a@x.com", "b@x.com", "c@x.com", null, "a@x.com", ValueOrigin.SalesforceField, "Email" },
        new object?[] { null, "b@x.com", "c@x.com", null, "b@x.com", ValueOrigin.SalesforceField, "FederationIdentifier" },
        new object?[] { "", "b@x.com", null, null, "b@x.com", ValueOrigin.SalesforceField, "FederationIdentifier" },
        new object?[] { "   ", " ", "c@x.com", null, "c@x.com", ValueOrigin.SalesforceField, "Username" },
        new object?[] { null, "\t", "", "none@x.com", "none@x.com", ValueOrigin.Default, null },
        new object?[] { null, null, null, null, null, ValueOrigin.None, null },
        new object?[] { null, null, null, "  ", null, ValueOrigin.None, null },
    };

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public void Takes_the_first_non_blank_source_then_the_default(string? primary, string? secondary, string? third, string? @default,
        string? expected, ValueOrigin origin, string? source)
    {
        var mapping = new FieldMapping("email", "Email", "FederationIdentifier", "Username") { Default = @default };

        var value = Map(mapping, ("Email", primary), ("FederationIdentifier", secondary), ("Username", third));

        Assert.Equal(expected, value.Value);
        Assert.Equal(origin, value.Origin);
        Assert.Equal(source, value.SourceField);
    }

    [Theory]
    [InlineData(ApplyOn.Create, false)]
    [InlineData(ApplyOn.Always, true)]
    public void A_default_applies_on_update_only_when_it_says_always(ApplyOn applyOn, bool appliesOnUpdate)
    {
        var value = Map(new FieldMapping("title", "Title") { Default = "Staff", ApplyOn = applyOn }, ("Title", null));

        Assert.Equal("Staff", value.Value);
        Assert.Equal(appliesOnUpdate, value.AppliesOnUpdate);
    }

    [Fact]
    public void A_salesforce_value_always_applies_whatever_the_default_says()
    {
        var value = Map(new FieldMapping("title", "Title") { Default = "Staff", ApplyOn = ApplyOn.Create }, ("Title", "Engineer"));

        Assert.True(value.AppliesOnUpdate);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void A_blank_value_leaves_the_lms_alone_unless_clear_when_blank(bool clearWhenBlank, bool appliesOnUpdate)
    {
        var value = Map(new FieldMapping("title", "Title") { ClearWhenBlank = clearWhenBlank }, ("Title", " "));

        Assert.Null(value.Value);
        Assert.Equal(appliesOnUpdate, value.AppliesOnUpdate);
    }

    [Theory]
    [InlineData("  Ann@Acme.COM ", new[] { FieldTransform.Trim }, "Ann@Acme.COM")]
    [InlineData("  Ann@Acme.COM ", new[] { FieldTransform.Trim, FieldTransform.Lower }, "ann@acme.com")]
    [InlineData("Ann", new[] { FieldTransform.Upper }, "ANN")]
    [InlineData(" MiXed ", new[] { FieldTransform.Lower, FieldTransform.Trim }, "mixed")]
    [InlineData(" Ann ", new FieldTransform[0], " Ann ")]
    public void Transforms_apply_in_order(string input, FieldTransform[] transforms, string expected)
    {
        var mapping = new FieldMapping("first_name", "FirstName");
        mapping.Transforms.AddRange(transforms);

        Assert.Equal(expected, Map(mapping, ("FirstName", input)).Value);
    }

    public static IEnumerable<object?[]> Dates() => new[]
    {
        new object?[] { new DateTime(2026, 3, 9), "dd.MM.yyyy", "09.03.2026" },
        new object?[] { new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.FromHours(-5)), "yyyy-MM-dd", "2026-03-10" },
        new object?[] { "2026-03-09", "MM/dd/yyyy", "03/09/2026" },
        new object?[] { "not a date", "yyyy-MM-dd", "not a date" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_format_formats_dates_and_datetimes_in_utc_and_passes_other_text(object raw, string format, string expected)
    {
        var mapping = new FieldMapping("birthdate", "Birthdate__c") { DateFormat = format };

        Assert.Equal(expected, Map(mapping, ("Birthdate__c", raw)).Value);
    }

    [Fact]
    public void Non_text_values_read_as_invariant_text()
    {
        Assert.Equal("12.5", Map(new FieldMapping("x", "Amount"), ("Amount", 12.5m)).Value);
        Assert.Equal("true", Map(new FieldMapping("x", "Flag"), ("Flag", true)).Value);
    }

    [Fact]
    public void Groups_split_multi_select_values_trim_dedupe_and_add_public_groups()
    {
        var mapping = new GroupMapping("Skills__c", "Division") { IncludePublicGroups = true };
        var user = Sf.Record(Sf.Id(1), new[] { "All Staff", "sales" }, ("Skills__c", "Sales; Support ;;Sales"), ("Division", "EMEA"));

        var groups = Mapper.MapGroups(mapping, user);

        Assert.Equal(new[] { "Sales", "Support", "EMEA", "All Staff" }, Names(groups));
        Assert.Equal(ValueOrigin.PublicGroup, groups[3].Origin);
        Assert.Equal("Division", groups[2].SourceField);
    }

    [Fact]
    public void Groups_first_non_blank_takes_one_source_and_the_default_applies_when_none()
    {
        var first = new GroupMapping("Skills__c", "Division") { Combine = GroupCombine.FirstNonBlank, Default = "Everyone;New" };

        Assert.Equal(new[] { "EMEA" }, Names(Mapper.MapGroups(first, Sf.Record(Sf.Id(1), ("Skills__c", " "), ("Division", "EMEA")))));
        var defaulted = Mapper.MapGroups(first, Sf.Record(Sf.Id(1)));
        Assert.Equal(new[] { "Everyone", "New" }, Names(defaulted));
        Assert.All(defaulted, g => Assert.Equal(ValueOrigin.Default, g.Origin));
    }

    [Fact]
    public void Map_resolves_aliases_to_canonical_names_and_fills_the_salesforce_id_field()
    {
        var mapping = new SyncMapping { Fields = { new FieldMapping("emails[primary].value", "Email"), new FieldMapping("userName", "Email") } };
        var mapper = new Mapper(mapping, LmsFieldCatalog.Scim, LmsCapabilities.For(LmsKind.Scim));

        var desired = mapper.Map(Sf.Record(Sf.Id(7), ("Email", "ann@acme.com")));

        Assert.Equal("ann@acme.com", desired.Fields["email"].Value);
        Assert.Equal("ann@acme.com", desired.Email);
        Assert.Equal("ann@acme.com", desired.Login);
        Assert.Equal(Sf.Id(7), desired.Fields["externalId"].Value);
        Assert.Equal(ValueOrigin.SalesforceId, desired.Fields["externalId"].Origin);
    }

    [Fact]
    public void Map_records_which_field_fed_each_value_and_maps_the_department()
    {
        var mapper = new Mapper(LmsFieldCatalog.DefaultMapping(LmsKind.ISpring), LmsFieldCatalog.ISpring, LmsCapabilities.For(LmsKind.ISpring));

        var desired = mapper.Map(Sf.Record(Sf.Id(1), ("Email", " Ann@Acme.com"), ("Username", "ann@acme.com.sf"), ("Phone", null), ("MobilePhone", "+1 555"), ("Department", "Sales")));

        Assert.Equal("ann@acme.com", desired.Login);
        Assert.Equal("Email", desired.Fields["login"].SourceField);
        Assert.Equal("MobilePhone", desired.Fields["phone"].SourceField);
        Assert.Equal("Sales", desired.Department!.Value);
        Assert.Empty(desired.Groups!);
        Assert.False(desired.Fields.ContainsKey("birthdate"));
    }

    [Fact]
    public void A_text_two_fields_transform_alike_is_one_string_per_user_and_an_untransformed_one_is_the_record_s_own()
    {
        var mapper = new Mapper(LmsFieldCatalog.DefaultMapping(LmsKind.ISpring), LmsFieldCatalog.ISpring, LmsCapabilities.For(LmsKind.ISpring));
        var lowered = mapper.Map(Sf.Record(Sf.Id(1), ("Email", "Ann.Lee@Acme.com"), ("FirstName", "ann.lee@acme.com")));
        var plain = Sf.Record(Sf.Id(2), ("Email", "bob@acme.com"));
        var kept = mapper.Map(plain);

        // login and email both lower Email: one string, not two.
        Assert.Equal("ann.lee@acme.com", lowered.Email);
        Assert.Same(lowered.Email, lowered.Login);
        Assert.Same(lowered.Email, lowered.Fields["login"].Value);
        // Only texts made by the mapping are shared: a first name that happens to be equal stays the record's own string.
        Assert.Same(lowered.Source.Record["FirstName"], lowered.Fields["first_name"].Value);
        Assert.Same(plain.Record["Email"], kept.Email);
        Assert.Same(plain.Record["Email"], kept.Login);
    }

    private static string?[] Names(IReadOnlyList<MappedValue> values)
    {
        var names = new string?[values.Count];
        for (var i = 0; i < values.Count; i++) names[i] = values[i].Value;
        return names;
    }
}
