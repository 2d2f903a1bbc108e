using System;
using System.Linq;

namespace LmsSync.PowerShell.Tests;

/// <summary>What Set-/Get-SfLmsConnectionOption and Connect-SfLms's LMS options promise, read from their compiled metadata.</summary>
[Collection("module")]
public sealed class ConnectionOptionCmdletTests(ModuleFixture module)
{
    // The LMS connection options (ConnectionOptionNames.All), the same names on both cmdlets.
    private static readonly string[] Options = { "SalesforceIdField", "InvitationMessage", "CustomLabels", "AdministratorGroup", "WelcomeEmailAttribute", "MaxConcurrency" };
    private static readonly string[] NewConnectionSets = { "JwtCertificateFile", "JwtCertificateThumbprint", "ClientCredentials", "RefreshToken", "UsernamePassword", "Sandbox" };

    [Fact]
    public void Set_SfLmsConnectionOption_has_each_option_a_Clear_list_a_Profile_and_PassThru_and_nothing_mandatory()
    {
        var set = module.Cmdlet("Set-SfLmsConnectionOption");

        Assert.Equal(Options.Concat(new[] { "Clear", "Profile", "PassThru" }).OrderBy(n => n), set.Parameters.Select(p => p.Name).OrderBy(n => n));
        Assert.All(set.Parameters, p => Assert.All(p.Sets, s => Assert.False(s.Mandatory, $"-{p.Name} is mandatory")));
        Assert.Equal("System.Int32", set.Parameters.Single(p => p.Name == "MaxConcurrency").TypeFullName);
        Assert.Equal("System.String[]", set.Parameters.Single(p => p.Name == "CustomLabels").TypeFullName);
        Assert.True(set.Parameters.Single(p => p.Name == "PassThru").IsSwitch);
    }

    [Fact]
    public void Set_SfLmsConnectionOption_changes_a_file_so_supports_WhatIf_and_Confirm()
    {
        var set = module.Cmdlet("Set-SfLmsConnectionOption");

        Assert.True(set.SupportsShouldProcess);
        Assert.Equal("Medium", set.ConfirmImpact);
        Assert.Equal(new[] { "LmsSync.Core.Profiles.ConnectionOptionSettings" }, set.OutputTypes);
    }

    [Fact]
    public void The_finite_values_complete_with_the_tab_key()
    {
        var set = module.Cmdlet("Set-SfLmsConnectionOption");

        Assert.True(set.Parameters.Single(p => p.Name == "Clear").HasValidateSet);
        Assert.True(set.Parameters.Single(p => p.Name == "Profile").HasArgumentCompleter);
        Assert.True(module.Cmdlet("Get-SfLmsConnectionOption").Parameters.Single(p => p.Name == "Profile").HasArgumentCompleter);
    }

    [Fact]
    public void Both_take_the_profile_by_property_name_from_connections_and_option_objects()
    {
        foreach (var name in new[] { "Set-SfLmsConnectionOption", "Get-SfLmsConnectionOption" })
            Assert.All(module.Cmdlet(name).Parameters.Single(p => p.Name == "Profile").Sets, s => Assert.True(s.ValueFromPipelineByPropertyName, name));
    }

    [Fact]
    public void Get_SfLmsConnectionOption_changes_nothing_and_returns_the_options()
    {
        var get = module.Cmdlet("Get-SfLmsConnectionOption");

        Assert.False(get.SupportsShouldProcess);
        Assert.Equal(new[] { "Profile" }, get.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { "LmsSync.Core.Profiles.ConnectionOptionSettings" }, get.OutputTypes);
    }

    [Fact]
    public void Connect_takes_the_options_for_a_new_connection_but_not_with_a_saved_Profile()
    {
        var connect = module.Cmdlet("Connect-SfLms");

        foreach (var option in Options)
        {
            var sets = connect.Parameters.Single(p => p.Name == option).Sets;
            Assert.Equal(NewConnectionSets.OrderBy(n => n), sets.Select(s => s.Name).OrderBy(n => n));
            Assert.All(sets, s => Assert.False(s.Mandatory, $"-{option} is mandatory in {s.Name}"));
        }
    }

    [Fact]
    public void The_options_are_named_alike_and_typed_alike_on_Connect_and_Set()
    {
        var connect = module.Cmdlet("Connect-SfLms");
        var set = module.Cmdlet("Set-SfLmsConnectionOption");

        foreach (var option in Options)
            Assert.Equal(set.Parameters.Single(p => p.Name == option).TypeFullName, connect.Parameters.Single(p => p.Name == option).TypeFullName);
    }

    [Fact]
    public void The_options_have_a_table_and_a_list_view()
    {
        var formats = System.IO.File.ReadAllText(System.IO.Path.Combine(module.ModuleFolder, "LmsSync.Format.ps1xml"));

        Assert.Contains("<Name>LmsSync.Core.Profiles.ConnectionOptionSettings</Name>", formats);
        Assert.Contains("<Name>LmsSync.Core.Profiles.ConnectionOptionSettings.List</Name>", formats);
        Assert.Contains("<Label>LmsOptions</Label>", formats); // Get-SfLmsConnection | Format-List
    }
}
