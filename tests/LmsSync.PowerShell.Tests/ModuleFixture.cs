using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LmsSync.HelpGen;

namespace LmsSync.PowerShell.Tests;

/// <summary>The built module folder (out/LmsSync) and its cmdlets' metadata, read without PowerShell.</summary>
public sealed class ModuleFixture : IDisposable
{
    private readonly CmdletMetadataReader _reader;

    public ModuleFixture()
    {
        RepoRoot = Metadata("RepoRoot");
        ModuleFolder = Path.Combine(RepoRoot, "out", "LmsSync");
        _reader = new CmdletMetadataReader(Path.Combine(ModuleFolder, "LmsSync.PowerShell.dll"), Metadata("SmaReferencePath"));
        Cmdlets = _reader.ReadCmdlets();
    }

    public string RepoRoot { get; }
    public string ModuleFolder { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public CmdletInfo Cmdlet(string name) => Cmdlets.SingleOrDefault(c => c.Name == name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the module.");

    public string Manifest => File.ReadAllText(Path.Combine(ModuleFolder, "LmsSync.psd1"));

    private static string Metadata(string key) =>
        typeof(ModuleFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public void Dispose() => _reader.Dispose();
}

[CollectionDefinition("module")]
public sealed class ModuleCollection : ICollectionFixture<ModuleFixture>;
