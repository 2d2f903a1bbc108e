using System;
using System.Linq;

namespace LmsSync.PowerShell.Tests;

/// <summary>What the connection, mapping, rule and option cmdlets promise, read from their compiled metadata.</summary>
[Collection("module")]
public sealed class ConnectionCmdletTests(ModuleFixture module)
{
    private static readonly string[] SignInSets = { "JwtCertificateFile", "JwtCertificateThumbprint", "ClientCredentials", "RefreshToken", "UsernamePassword" };

    [Fact]
    public void Connect_has_one_set_per_sign_in_plus_a_saved_profile_and_the_sandbox()
    {
        var connect = module.Cmdlet("Connect-SfLms");

        Assert.Equal(SignInSets.Concat(new[] { "Profile", "Sandbox" }).OrderBy(n => n), connect.ParameterSetNames.OrderBy(n => n));
        Assert.Equal("JwtCertificateFile", connect.DefaultParameterSetName);
    }

    [Theory]
    [InlineData("JwtCertificateFile", "ClientId,Username,CertificatePath,LmsType,LmsUrl,LmsCredential")]
    [InlineData("JwtCertificateThumbprint", "ClientId,Username,CertificateThumbprint,LmsType,LmsUrl,LmsCredential")]
    [InlineData("ClientCredentials", "SalesforceUrl,ClientId,ClientSecret,LmsType,LmsUrl,LmsCredential")]
    [InlineData("RefreshToken", "ClientId,RefreshToken,LmsType,LmsUrl,LmsCredential")]
    [InlineData("UsernamePassword", "ClientId,Credential,LmsType,LmsUrl,LmsCredential")]
    [InlineData("Profile", "Profile")]
    [InlineData("Sandbox", "SandboxInfo")]
    public void Each_Connect_set_requires_exactly_what_its_sign_in_needs(string set, string mandatory)
    {
        var required = module.Cmdlet("Connect-SfLms").Parameters
            .Where(p => p.Sets.Any(s => s.Name == set && s.Mandatory))
            .Select(p => p.Name).OrderBy(n => n);

        Assert.Equal(mandatory.Split(',').OrderBy(n => n), required);
    }

    [Fact]
    public void Every_Connect_secret_is_a_SecureString_or_PSCredential()
    {
        var connect = module.Cmdlet("Connect-SfLms");
        foreach (var name in new[] { "CertificatePassword", "ClientSecret", "RefreshToken", "SecurityToken" })
            Assert.Equal("System.Security.SecureString", connect.Parameters.Single(p => p.Name == name).TypeFullName);
        foreach (var name in new[] { "Credential", "LmsCredential" })
            Assert.Equal("System.Management.Automation.PSCredential", connect.Parameters.Single(p => p.Name == name).TypeFullName);
    }

    [Fact]
    public void Save_and_Name_belong_to_the_new_connection_sets_not_to_Profile()
    {
        var connect = module.Cmdlet("Connect-SfLms");
        foreach (var name in new[] { "Save", "Name" })
        {
            var sets = connect.Parameters.Single(p => p.Name == name).Sets.Select(s => s.Name).ToList();
            Assert.DoesNotContain("Profile", sets);
            Assert.Contains("Sandbox", sets);
        }
    }

    [Fact]
    public void Remove_SfLmsImportRule_takes_names_and_rule_objects_from_the_pipeline()
    {
        var name = module.Cmdlet("Remove-SfLmsImportRule").Parameters.Single(p => p.Name == "Name");

        Assert.All(name.Sets, s => Assert.True(s.ValueFromPipeline && s.ValueFromPipelineByPropertyName));
        Assert.True(module.Cmdlet("Remove-SfLmsImportRule").SupportsShouldProcess);
    }

    [Theory]
    [InlineData("Connect-SfLms", "Profile")]
    [InlineData("Set-SfLmsMapping", "LmsField")]
    [InlineData("Set-SfLmsMapping", "Primary")]
    [InlineData("Set-SfLmsMapping", "Secondary")]
    [InlineData("Get-SfLmsMapping", "LmsField")]
    [InlineData("Remove-SfLmsMapping", "LmsField")]
    [InlineData("Add-SfLmsImportRule", "Field")]
    [InlineData("Get-SfLmsImportRule", "Name")]
    [InlineData("Remove-SfLmsImportRule", "Name")]
    [InlineData("Set-SfLmsOption", "TimeZone")]
    [InlineData("Set-SfLmsOption", "TerminationDateField")]
    [InlineData("Get-SfLmsProfile", "Name")]
    [InlineData("Remove-SfLmsProfile", "Name")]
    [InlineData("Set-SfLmsConnectionOption", "Profile")]
    [InlineData("Get-SfLmsConnectionOption", "Profile")]
    public void Names_complete_with_the_tab_key(string cmdlet, string parameter)
    {
        Assert.True(module.Cmdlet(cmdlet).Parameters.Single(p => p.Name == parameter).HasArgumentCompleter, $"{cmdlet} -{parameter} has no argument completer.");
    }

    [Fact]
    public void Configuration_cmdlets_support_WhatIf_and_PassThru()
    {
        foreach (var name in new[] { "Set-SfLmsMapping", "Remove-SfLmsMapping", "Add-SfLmsImportRule", "Remove-SfLmsImportRule", "Set-SfLmsOption", "Set-SfLmsConnectionOption" })
        {
            var cmdlet = module.Cmdlet(name);
            Assert.True(cmdlet.SupportsShouldProcess, name);
            Assert.Contains(cmdlet.Parameters, p => p.Name == "PassThru" && p.IsSwitch);
        }
    }

    [Fact]
    public void Remove_SfLmsProfile_asks_first_and_takes_names_from_profiles_connections_and_schedules()
    {
        var remove = module.Cmdlet("Remove-SfLmsProfile");
        var name = remove.Parameters.Single(p => p.Name == "Name");

        Assert.True(remove.SupportsShouldProcess);
        Assert.Equal("High", remove.ConfirmImpact);
        Assert.All(name.Sets, s => Assert.True(s.Mandatory && s.ValueFromPipelineByPropertyName && s.Position == 0));
        Assert.Contains("Profile", name.Aliases);
        Assert.Contains(remove.Parameters, p => p.Name == "PassThru" && p.IsSwitch);
        Assert.Equal(new[] { "LmsSync.Core.Profiles.SavedProfile" }, remove.OutputTypes);
    }

    [Fact]
    public void Get_SfLmsProfile_changes_nothing_and_binds_Name_or_Profile_by_property()
    {
        var get = module.Cmdlet("Get-SfLmsProfile");
        var name = get.Parameters.Single(p => p.Name == "Name");

        Assert.False(get.SupportsShouldProcess);
        Assert.All(name.Sets, s => Assert.True(!s.Mandatory && s.ValueFromPipelineByPropertyName));
        Assert.Contains("Profile", name.Aliases);
        Assert.Equal(new[] { "LmsSync.Core.Profiles.SavedProfile" }, get.OutputTypes);
    }

    [Fact]
    public void Add_SfLmsImportRule_has_a_single_condition_set_and_a_hashtable_set_with_Match()
    {
        var add = module.Cmdlet("Add-SfLmsImportRule");

        Assert.Equal(new[] { "Condition", "Conditions" }, add.ParameterSetNames.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("System.Collections.Hashtable[]", add.Parameters.Single(p => p.Name == "Condition").TypeFullName);
        Assert.Contains("Join", add.Parameters.Single(p => p.Name == "Match").Aliases);
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var formats = System.IO.File.ReadAllText(System.IO.Path.Combine(module.ModuleFolder, "LmsSync.Format.ps1xml"));
        foreach (var type in new[] { "LmsSync.PowerShell.Models.SfLmsConnection", "LmsSync.Core.Profiles.MappingRow", "LmsSync.Core.Rules.ImportRule", "LmsSync.Core.Profiles.OptionSettings", "LmsSync.Core.Profiles.SavedProfile", "LmsSync.Core.Profiles.ConnectionOptionSettings" })
            Assert.Contains($"<Name>{type}</Name>", formats);
    }
}
