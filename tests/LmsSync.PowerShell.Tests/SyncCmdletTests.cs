using System.Linq;
using LmsSync.HelpGen;

namespace LmsSync.PowerShell.Tests;

/// <summary>What the preview, payload, sync and history cmdlets promise about binding, confirmation and output.</summary>
[Collection("module")]
public sealed class SyncCmdletTests(ModuleFixture module)
{
    private static ParameterSetInfo Set(CmdletInfo cmdlet, string parameter, string? set = null)
    {
        var p = cmdlet.Parameters.Single(x => x.Name == parameter);
        return set == null ? p.Sets.Single() : p.Sets.Single(s => s.Name == set);
    }

    [Fact]
    public void Get_SfLmsPayload_takes_users_from_the_pipeline_by_SalesforceId_or_by_email()
    {
        var cmdlet = module.Cmdlet("Get-SfLmsPayload");
        var byId = Set(cmdlet, "SalesforceId", "BySalesforceId");
        Assert.True(byId.ValueFromPipelineByPropertyName);
        Assert.True(byId.Mandatory);
        Assert.Equal(0, byId.Position);
        Assert.Equal("BySalesforceId", cmdlet.DefaultParameterSetName);
        var byEmail = Set(cmdlet, "Email", "ByEmail");
        Assert.True(byEmail.Mandatory);
        Assert.False(byEmail.ValueFromPipelineByPropertyName); // else a piped user row would bind ambiguously
        Assert.Equal(new[] { "LmsSync.Core.Views.UserPayload" }, cmdlet.OutputTypes);
    }

    [Fact]
    public void Invoke_SfLmsSync_supports_WhatIf_and_Confirm_at_Medium_impact_and_binds_piped_users_by_SalesforceId()
    {
        var cmdlet = module.Cmdlet("Invoke-SfLmsSync");
        Assert.True(cmdlet.SupportsShouldProcess);
        // Medium: unattended runs never prompt; -Confirm asks for the run and then each deactivation.
        Assert.Equal("Medium", cmdlet.ConfirmImpact);
        var id = Set(cmdlet, "SalesforceId");
        Assert.True(id.ValueFromPipelineByPropertyName);
        Assert.False(id.Mandatory);
        Assert.Equal(
            new[] { "LmsSync.Core.Engine.RunSummary", "LmsSync.Core.Engine.UserResult", "LmsSync.Core.Views.UserPreview" },
            cmdlet.OutputTypes.OrderBy(t => t));
        foreach (var name in new[] { "Force", "PassThru", "ExitWithStatus" })
            Assert.True(cmdlet.Parameters.Single(p => p.Name == name).IsSwitch, name);
    }

    [Fact]
    public void Get_SfLmsUser_filters_by_email_name_action_and_department_and_writes_user_previews()
    {
        var cmdlet = module.Cmdlet("Get-SfLmsUser");
        Assert.Equal(new[] { "Action", "Department", "Email", "Name", "Profile" }, cmdlet.Parameters.Select(p => p.Name).OrderBy(n => n));
        Assert.Equal("PlanAction[]", cmdlet.Parameters.Single(p => p.Name == "Action").TypeName);
        Assert.Equal(new[] { "LmsSync.Core.Views.UserPreview" }, cmdlet.OutputTypes);
    }

    [Fact]
    public void Get_SfLmsSyncHistory_declares_its_output_per_parameter_set_and_binds_RunId_and_Profile_from_a_summary()
    {
        var cmdlet = module.Cmdlet("Get-SfLmsSyncHistory");
        Assert.Equal(new[] { "ByRunId", "Runs" }, cmdlet.ParameterSetNames.OrderBy(n => n));
        Assert.Equal("Runs", cmdlet.DefaultParameterSetName);
        Assert.True(Set(cmdlet, "RunId", "ByRunId").ValueFromPipelineByPropertyName);
        Assert.True(Set(cmdlet, "Profile").ValueFromPipelineByPropertyName);
        Assert.Contains("LmsSync.Core.Engine.RunSummary", cmdlet.OutputTypes);
        Assert.Contains("LmsSync.Core.Engine.UserResult", cmdlet.OutputTypes);
    }

    [Fact]
    public void Every_Profile_parameter_of_these_cmdlets_completes_saved_profile_names()
    {
        foreach (var name in new[] { "Get-SfLmsUser", "Get-SfLmsPayload", "Invoke-SfLmsSync", "Get-SfLmsSyncHistory" })
            Assert.True(module.Cmdlet(name).Parameters.Single(p => p.Name == "Profile").HasArgumentCompleter, name);
    }

    [Fact]
    public void The_format_file_has_a_view_for_every_output_type_of_these_cmdlets()
    {
        var format = System.IO.File.ReadAllText(System.IO.Path.Combine(module.ModuleFolder, "LmsSync.Format.ps1xml"));
        foreach (var type in new[] { "LmsSync.Core.Views.UserPreview", "LmsSync.Core.Views.UserPayload", "LmsSync.Core.Engine.UserResult", "LmsSync.Core.Engine.RunSummary" })
            Assert.Contains($"<TypeName>{type}</TypeName>", format);
    }
}
