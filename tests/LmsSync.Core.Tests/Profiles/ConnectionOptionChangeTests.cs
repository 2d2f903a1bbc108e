using System;
using System.Linq;
using LmsSync.Core.Profiles;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Tests.Profiles;

/// <summary>A change of a profile's LMS connection options: applied to a copy, refused whole when an option does not apply or a value is out of range.</summary>
public sealed class ConnectionOptionChangeTests
{
    private static LmsProfile Lms(LmsKind kind) => new() { Kind = kind, Url = "https://lms.example.com", UserName = "client-id-1" };

    [Fact]
    public void Sets_the_options_of_the_profile_s_LMS_on_a_copy()
    {
        var lms = Lms(LmsKind.ISpring);

        var edited = new ConnectionOptionChange { SalesforceIdField = " Salesforce Id ", InvitationMessage = "Welcome", MaxConcurrency = 8 }.ApplyTo(lms);

        Assert.Empty(lms.Options);
        Assert.Equal("Salesforce Id", edited.Options[ConnectionOptionNames.SalesforceIdField]);
        Assert.Equal("Welcome", edited.Options[ConnectionOptionNames.InvitationMessage]);
        Assert.Equal("8", edited.Options[ConnectionOptionNames.MaxConcurrency]);
        Assert.Equal((lms.Kind, lms.Url, lms.UserName), (edited.Kind, edited.Url, edited.UserName));
    }

    [Fact]
    public void Only_the_options_given_change()
    {
        var lms = new ConnectionOptionChange { AdministratorGroup = "LMS Administrators", MaxConcurrency = 4 }.ApplyTo(Lms(LmsKind.Scim));

        var edited = new ConnectionOptionChange { MaxConcurrency = 12 }.ApplyTo(lms);

        var shown = ConnectionOptionSettings.From("acme", edited);
        Assert.Equal("LMS Administrators", shown.AdministratorGroup);
        Assert.Equal(12, shown.MaxConcurrency);
        Assert.Equal("AdministratorGroup=LMS Administrators; MaxConcurrency=12", shown.ToString());
    }

    [Theory]
    [InlineData(LmsKind.SkyPrep, nameof(ConnectionOptionChange.SalesforceIdField), "ISpring")]
    [InlineData(LmsKind.Scim, nameof(ConnectionOptionChange.InvitationMessage), "ISpring")]
    [InlineData(LmsKind.ISpring, nameof(ConnectionOptionChange.CustomLabels), "SkyPrep")]
    [InlineData(LmsKind.SkyPrep, nameof(ConnectionOptionChange.AdministratorGroup), "Scim")]
    [InlineData(LmsKind.ISpring, nameof(ConnectionOptionChange.WelcomeEmailAttribute), "Scim")]
    [InlineData(LmsKind.SkyPrep, nameof(ConnectionOptionChange.MaxConcurrency), "ISpring and Scim")]
    public void An_option_the_LMS_does_not_read_is_refused_naming_it_and_the_LMS(LmsKind kind, string option, string readBy)
    {
        var change = new ConnectionOptionChange();
        typeof(ConnectionOptionChange).GetProperty(option)!.SetValue(change,
            option == nameof(ConnectionOptionChange.MaxConcurrency) ? 8 : option == nameof(ConnectionOptionChange.CustomLabels) ? new[] { "Region" } : (object)"value");
        var lms = Lms(kind);

        var error = Assert.Throws<ProfileException>(() => change.ApplyTo(lms));

        Assert.Equal(ProfileErrorKind.OptionNotApplicable, error.Kind);
        Assert.Contains($"{option} applies to {readBy} only", error.Message);
        Assert.Contains($"this profile's LMS is {kind}", error.Message);
        Assert.Empty(lms.Options);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    [InlineData(-1)]
    public void A_ceiling_out_of_range_is_refused_by_the_factory_s_rule(int value)
    {
        var error = Assert.Throws<ProfileException>(() => new ConnectionOptionChange { MaxConcurrency = value }.ApplyTo(Lms(LmsKind.Scim)));

        Assert.Equal(ProfileErrorKind.InvalidValue, error.Kind);
        Assert.Contains("MaxConcurrency must be from 1 to 64", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
    }

    [Fact]
    public void An_empty_value_or_Clear_removes_an_option_whatever_the_LMS()
    {
        var skyPrep = Lms(LmsKind.SkyPrep);
        skyPrep.Options["maxconcurrency"] = "8"; // a hand edit the factory refuses for SkyPrep
        skyPrep.Options[ConnectionOptionNames.CustomLabels] = "Region, Cost Centre";
        skyPrep.Options["SomethingElse"] = "kept";

        var cleared = new ConnectionOptionChange { Clear = new[] { "MAXCONCURRENCY" }, CustomLabels = new string[0] }.ApplyTo(skyPrep);

        Assert.Equal(new[] { "SomethingElse" }, cleared.Options.Keys.ToArray());
        var scim = new ConnectionOptionChange { AdministratorGroup = "", WelcomeEmailAttribute = "  " }.ApplyTo(Lms(LmsKind.ISpring));
        Assert.Empty(scim.Options);
    }

    [Fact]
    public void An_option_given_in_another_case_replaces_the_saved_one()
    {
        var lms = Lms(LmsKind.ISpring);
        lms.Options["maxconcurrency"] = "4";

        var edited = new ConnectionOptionChange { MaxConcurrency = 16 }.ApplyTo(lms);

        var pair = Assert.Single(edited.Options);
        Assert.Equal((ConnectionOptionNames.MaxConcurrency, "16"), (pair.Key, pair.Value));
    }

    [Fact]
    public void Custom_labels_are_kept_as_one_list_and_a_label_with_a_separator_is_refused()
    {
        var edited = new ConnectionOptionChange { CustomLabels = new[] { " Region ", "Cost Centre", "region", "" } }.ApplyTo(Lms(LmsKind.SkyPrep));

        Assert.Equal("Region, Cost Centre", edited.Options[ConnectionOptionNames.CustomLabels]);
        Assert.Equal(new[] { "Region", "Cost Centre" }, ConnectionOptionSettings.From("acme", edited).CustomLabels);
        var error = Assert.Throws<ProfileException>(() => new ConnectionOptionChange { CustomLabels = new[] { "Region;Area" } }.ApplyTo(Lms(LmsKind.SkyPrep)));
        Assert.Equal(ProfileErrorKind.InvalidValue, error.Kind);
        Assert.Contains("'Region;Area'", error.Message);
    }

    [Fact]
    public void An_option_both_given_and_cleared_or_an_unknown_name_is_refused()
    {
        var both = Assert.Throws<ProfileException>(() => new ConnectionOptionChange { MaxConcurrency = 8, Clear = new[] { "MaxConcurrency" } }.ApplyTo(Lms(LmsKind.Scim)));
        var unknown = Assert.Throws<ProfileException>(() => new ConnectionOptionChange { Clear = new[] { "Colour" } }.ApplyTo(Lms(LmsKind.Scim)));

        Assert.Equal(ProfileErrorKind.InvalidValue, both.Kind);
        Assert.Contains("both given and cleared", both.Message);
        Assert.Equal(ProfileErrorKind.InvalidValue, unknown.Kind);
        Assert.Contains("'Colour' is no LMS connection option", unknown.Message);
    }

    [Fact]
    public void A_change_is_empty_only_without_values_and_names_to_clear()
    {
        Assert.True(new ConnectionOptionChange().IsEmpty);
        Assert.False(new ConnectionOptionChange { SalesforceIdField = "" }.IsEmpty);
        Assert.False(new ConnectionOptionChange { CustomLabels = new string[0] }.IsEmpty);
        Assert.False(new ConnectionOptionChange { CustomLabels = new[] { "Region;Area" } }.IsEmpty); // refused by ApplyTo, not here
        Assert.False(new ConnectionOptionChange { Clear = new[] { "MaxConcurrency" } }.IsEmpty);
    }

    [Theory]
    [InlineData(LmsKind.ISpring, "SalesforceIdField,InvitationMessage,MaxConcurrency")]
    [InlineData(LmsKind.SkyPrep, "CustomLabels")]
    [InlineData(LmsKind.Scim, "AdministratorGroup,WelcomeEmailAttribute,MaxConcurrency")]
    public void Each_LMS_reads_its_own_options(LmsKind kind, string names)
    {
        Assert.Equal(names.Split(','), ConnectionOptionNames.For(kind));
    }

    [Fact]
    public void The_options_shown_hold_no_URL_account_or_secret_and_nothing_when_none_is_set()
    {
        var shown = ConnectionOptionSettings.From("acme", Lms(LmsKind.ISpring));

        Assert.Equal("", shown.ToString());
        Assert.Null(shown.MaxConcurrency);
        var names = typeof(ConnectionOptionSettings).GetProperties().Select(p => p.Name).ToList();
        Assert.Equal(new[] { "Profile", "LmsType" }.Concat(ConnectionOptionNames.All).OrderBy(n => n), names.OrderBy(n => n));
    }
}
