using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LmsSync.HelpGen;

/// <summary>One parameter set membership of a parameter.</summary>
public sealed record ParameterSetInfo(string Name, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName);

/// <summary>A cmdlet parameter as PowerShell will bind it.</summary>
public sealed record CmdletParameterInfo(string Name, string TypeName, string TypeFullName, bool IsSwitch, IReadOnlyList<string> Aliases, IReadOnlyList<ParameterSetInfo> Sets, bool HasArgumentCompleter, bool HasValidateSet);

/// <summary>A cmdlet class as its attributes declare it.</summary>
public sealed record CmdletInfo(string Verb, string Noun, string TypeFullName, bool SupportsShouldProcess, string ConfirmImpact, string? DefaultParameterSetName, IReadOnlyList<string> OutputTypes, IReadOnlyList<CmdletParameterInfo> Parameters)
{
    public string Name => Verb + "-" + Noun;

    public IReadOnlyList<string> ParameterSetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(n => n != AllSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return named.Count == 0 ? new[] { AllSets } : named;
        }
    }

    public const string AllSets = "__AllParameterSets";
}

/// <summary>
/// Reads cmdlets from a compiled module assembly without loading it for execution
/// (MetadataLoadContext), so no PowerShell is needed at build or test time.
/// </summary>
public sealed class CmdletMetadataReader : IDisposable
{
    private readonly MetadataLoadContext _context;
    private readonly Assembly _assembly;

    public CmdletMetadataReader(string moduleAssemblyPath, string smaReferencePath)
    {
        var paths = new List<string> { moduleAssemblyPath, smaReferencePath };
        paths.AddRange(Directory.GetFiles(Path.GetDirectoryName(moduleAssemblyPath)!, "*.dll"));
        paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        var unique = paths.GroupBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase).Select(g => g.First());
        _context = new MetadataLoadContext(new PathAssemblyResolver(unique), "System.Private.CoreLib");
        _assembly = _context.LoadFromAssemblyPath(moduleAssemblyPath);
    }

    public IReadOnlyList<CmdletInfo> ReadCmdlets()
    {
        var result = new List<CmdletInfo>();
        foreach (var type in _assembly.GetTypes().Where(t => !t.IsAbstract))
        {
            var cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
            if (cmdlet == null) continue;
            var named = cmdlet.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
            var impact = named.TryGetValue("ConfirmImpact", out var i) ? ((int)i!) switch { 0 => "None", 1 => "Low", 3 => "High", _ => "Medium" } : "Medium";
            var outputs = type.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == "System.Management.Automation.OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(OutputTypeNames)
                .ToList();
            result.Add(new CmdletInfo(
                (string)cmdlet.ConstructorArguments[0].Value!,
                (string)cmdlet.ConstructorArguments[1].Value!,
                type.FullName!,
                named.TryGetValue("SupportsShouldProcess", out var s) && (bool)s!,
                impact,
                named.TryGetValue("DefaultParameterSetName", out var d) ? (string?)d : null,
                outputs,
                ReadParameters(type)));
        }
        return result.OrderBy(c => c.Noun, StringComparer.Ordinal).ThenBy(c => c.Verb, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> OutputTypeNames(CustomAttributeTypedArgument argument)
    {
        if (argument.Value is IReadOnlyCollection<CustomAttributeTypedArgument> items)
        {
            foreach (var item in items) foreach (var name in OutputTypeNames(item)) yield return name;
        }
        else if (argument.Value is Type t) yield return t.FullName!;
        else if (argument.Value is string s) yield return s;
    }

    private static IReadOnlyList<CmdletParameterInfo> ReadParameters(Type type)
    {
        var parameters = new List<CmdletParameterInfo>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributesData();
            var sets = attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute").Select(ToSet).ToList();
            if (sets.Count == 0) continue;
            var aliases = attributes.Where(a => a.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
                .SelectMany(a => a.ConstructorArguments).SelectMany(a => a.Value is IReadOnlyCollection<CustomAttributeTypedArgument> c ? c.Select(x => (string)x.Value!) : new[] { (string)a.Value! }).ToList();
            var propertyType = property.PropertyType;
            parameters.Add(new CmdletParameterInfo(
                property.Name,
                FriendlyName(propertyType),
                propertyType.FullName ?? propertyType.Name,
                propertyType.FullName == "System.Management.Automation.SwitchParameter",
                aliases,
                sets,
                attributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.ArgumentCompleterAttribute" || a.AttributeType.BaseType?.FullName == "System.Management.Automation.ArgumentCompleterAttribute"),
                attributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.ValidateSetAttribute") || propertyType.IsEnum));
        }
        return parameters;
    }

    private static ParameterSetInfo ToSet(CustomAttributeData parameter)
    {
        var named = parameter.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        int? position = named.TryGetValue("Position", out var p) && (int)p! >= 0 ? (int)p! : null;
        return new ParameterSetInfo(
            named.TryGetValue("ParameterSetName", out var n) ? (string)n! : CmdletInfo.AllSets,
            named.TryGetValue("Mandatory", out var m) && (bool)m!,
            position,
            named.TryGetValue("ValueFromPipeline", out var v) && (bool)v!,
            named.TryGetValue("ValueFromPipelineByPropertyName", out var b) && (bool)b!);
    }

    private static string FriendlyName(Type type)
    {
        if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return FriendlyName(type.GetGenericArguments()[0]);
        return type.Name;
    }

    public void Dispose() => _context.Dispose();
}
