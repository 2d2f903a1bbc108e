using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LmsSync.HelpGen;

/// <summary>
/// <c>LmsSync.HelpGen --assembly out/LmsSync/LmsSync.PowerShell.dll --sma path/System.Management.Automation.dll --docs docs --out out/LmsSync/en-US</c>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
            .ToDictionary(x => x.a.Substring(2), x => args[x.i + 1]);
        foreach (var required in new[] { "assembly", "sma", "docs", "out" })
        {
            if (!options.ContainsKey(required))
            {
                Console.Error.WriteLine("usage: LmsSync.HelpGen --assembly <module dll> --sma <System.Management.Automation.dll> --docs <docs folder> --out <help folder>");
                return 2;
            }
        }

        using var reader = new CmdletMetadataReader(Path.GetFullPath(options["assembly"]), options["sma"]);
        var cmdlets = reader.ReadCmdlets();
        var pages = new List<(CmdletInfo, CmdletDoc)>();
        var problems = new List<string>();
        foreach (var cmdlet in cmdlets)
        {
            var file = CmdletDoc.PathFor(options["docs"], cmdlet.Name);
            if (!File.Exists(file)) { problems.Add($"{file}: missing — every cmdlet needs a help page (see docs/cmdlets/README.md)."); continue; }
            var doc = CmdletDoc.Parse(File.ReadAllText(file));
            problems.AddRange(doc.Problems(cmdlet, file));
            pages.Add((cmdlet, doc));
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems) Console.Error.WriteLine("error LMSHELP1: " + problem);
            return 1;
        }

        Directory.CreateDirectory(options["out"]);
        var assemblyName = Path.GetFileName(options["assembly"]);
        MamlWriter.Write(pages).Save(Path.Combine(options["out"], assemblyName + "-Help.xml"));
        foreach (var about in Directory.GetFiles(options["docs"], "about_*.md"))
            File.WriteAllText(Path.Combine(options["out"], Path.GetFileNameWithoutExtension(about) + ".help.txt"), AboutTopicWriter.Convert(File.ReadAllText(about)));
        Console.WriteLine($"LmsSync.HelpGen: help for {pages.Count} cmdlets written to {options["out"]}");
        return 0;
    }
}
