using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LmsSync.HelpGen;

namespace LmsSync.PowerShell.Tests;

/// <summary>
/// The conventions every cmdlet of the module keeps (reference/anchors.md §B.1), checked over the
/// compiled assembly's metadata. Each test lists every offender at once.
/// </summary>
[Collection("module")]
public sealed class CmdletConventionTests(ModuleFixture module)
{
    // Get-Verb, PowerShell 7.4.
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update",
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect", "Use",
    };

    /// <summary>Verbs that change something outside the session, so -WhatIf/-Confirm must work.</summary>
    private static readonly HashSet<string> StateChangingVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Invoke", "New", "Register", "Remove", "Rename", "Reset", "Set", "Sync", "Unregister", "Update", "Enable", "Disable", "Install", "Uninstall", "Start", "Stop",
    };

    private static readonly Regex SecretName = new("(Secret|Password|Token|ApiKey|AcctKey|Credential)$", RegexOptions.IgnoreCase);

    private static readonly HashSet<string> SecretTypes = new(StringComparer.Ordinal)
    {
        "System.Security.SecureString", "System.Management.Automation.PSCredential", "System.Security.Cryptography.X509Certificates.X509Certificate2",
    };

    [Fact]
    public void Verbs_are_approved_and_nouns_are_singular_with_the_SfLms_prefix()
    {
        var offenders = module.Cmdlets
            .Where(c => !ApprovedVerbs.Contains(c.Verb) || !c.Noun.StartsWith("SfLms", StringComparison.Ordinal) || IsPlural(c.Noun.Substring("SfLms".Length)))
            .Select(c => c.Name);
        Assert.Empty(offenders);
    }

    // The prefix alone (Connect-SfLms) is the product, not a plural; what follows it must be singular.
    private static bool IsPlural(string noun) => noun.EndsWith("s", StringComparison.Ordinal) && !noun.EndsWith("ss", StringComparison.Ordinal);

    [Fact]
    public void Every_state_changing_cmdlet_supports_ShouldProcess()
    {
        Assert.Empty(module.Cmdlets.Where(c => StateChangingVerbs.Contains(c.Verb) && !c.SupportsShouldProcess).Select(c => c.Name));
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type()
    {
        Assert.Empty(module.Cmdlets.Where(c => c.OutputTypes.Count == 0).Select(c => c.Name));
    }

    [Fact]
    public void No_secret_is_a_plain_string_parameter()
    {
        var offenders = module.Cmdlets.SelectMany(c => c.Parameters
            .Where(p => SecretName.IsMatch(p.Name) && !p.IsSwitch && !SecretTypes.Contains(p.TypeFullName) && !p.Name.EndsWith("Thumbprint", StringComparison.Ordinal))
            .Select(p => $"{c.Name} -{p.Name} [{p.TypeName}]"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void At_most_one_parameter_per_set_takes_the_pipeline_by_value()
    {
        var offenders = module.Cmdlets.SelectMany(c => c.Parameters
            .SelectMany(p => p.Sets.Where(s => s.ValueFromPipeline).Select(s => (Set: s.Name, p.Name)))
            .GroupBy(x => x.Set)
            .Where(g => g.Count() > 1)
            .Select(g => $"{c.Name} set {g.Key}: {string.Join(", ", g.Select(x => x.Name))}"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_the_assembly_defines()
    {
        var match = Regex.Match(module.Manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)", RegexOptions.Singleline);
        Assert.True(match.Success, "CmdletsToExport = @(...) must be listed explicitly in module/LmsSync.psd1.");
        var exported = Regex.Matches(match.Groups[1].Value, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();
        Assert.Equal(module.Cmdlets.Select(c => c.Name).OrderBy(n => n).ToList(), exported);
    }

    [Fact]
    public void The_manifest_supports_both_editions_from_51_and_lists_the_format_file()
    {
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", module.Manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", module.Manifest);
        Assert.Matches(@"FormatsToProcess\s*=\s*@\('LmsSync\.Format\.ps1xml'\)", module.Manifest);
        Assert.DoesNotContain("0.0.0", module.Manifest);
        Assert.True(File.Exists(Path.Combine(module.ModuleFolder, "LmsSync.Format.ps1xml")));
    }

    [Fact]
    public void Every_cmdlet_has_help_with_a_synopsis_a_description_two_examples_and_every_parameter()
    {
        var problems = module.Cmdlets.SelectMany(c =>
        {
            var file = CmdletDoc.PathFor(Path.Combine(module.RepoRoot, "docs"), c.Name);
            return File.Exists(file) ? CmdletDoc.Parse(File.ReadAllText(file)).Problems(c, file) : new[] { $"{file} is missing" };
        });
        Assert.Empty(problems);
        var maml = File.ReadAllText(Path.Combine(module.ModuleFolder, "en-US", "LmsSync.PowerShell.dll-Help.xml"));
        Assert.Empty(module.Cmdlets.Where(c => !maml.Contains($"<command:name>{c.Name}</command:name>")).Select(c => c.Name));
    }
}
