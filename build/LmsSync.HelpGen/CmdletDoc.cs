using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LmsSync.HelpGen;

/// <summary>One example of a cmdlet's help page.</summary>
public sealed record DocExample(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>
/// A cmdlet's help page, read from <c>docs/cmdlets/Verb-Noun.md</c>. The page format (see docs/cmdlets/README.md):
/// <c># Verb-Noun</c>, then <c>## Synopsis</c>, <c>## Description</c>, <c>## Parameters</c> with one
/// <c>### -Name</c> each, <c>## Examples</c> with <c>### Title</c> + a fenced code block + remarks,
/// and optionally <c>## Inputs</c>, <c>## Outputs</c> (<c>### Type</c> + text), <c>## Notes</c>, <c>## Related links</c>.
/// </summary>
public sealed class CmdletDoc
{
    public string Name { get; private set; } = "";
    public string Synopsis { get; private set; } = "";
    public List<string> Description { get; } = new();
    public Dictionary<string, List<string>> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<DocExample> Examples { get; } = new();
    public Dictionary<string, List<string>> Inputs { get; } = new();
    public Dictionary<string, List<string>> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<string> RelatedLinks { get; } = new();

    public static CmdletDoc Parse(string markdown)
    {
        var doc = new CmdletDoc();
        string? section = null, sub = null;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var buffer = new List<string>();
        string? exampleCode = null;
        var inFence = false;
        var fence = new StringBuilder();

        void Flush()
        {
            var paragraphs = Paragraphs(buffer);
            buffer.Clear();
            switch (section)
            {
                case "synopsis": doc.Synopsis = string.Join(" ", paragraphs); break;
                case "description": doc.Description.AddRange(paragraphs); break;
                case "parameters" when sub != null: doc.Parameters[sub.TrimStart('-')] = paragraphs; break;
                case "examples" when sub != null: doc.Examples.Add(new DocExample(sub, exampleCode ?? "", paragraphs)); exampleCode = null; break;
                case "inputs" when sub != null: doc.Inputs[sub] = paragraphs; break;
                case "outputs" when sub != null: doc.Outputs[sub] = paragraphs; break;
                case "notes": doc.Notes.AddRange(paragraphs); break;
                case "related links": doc.RelatedLinks.AddRange(paragraphs.Select(p => p.TrimStart('-', '*', ' '))); break;
            }
        }

        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (inFence) { exampleCode = fence.ToString().TrimEnd('\n'); fence.Clear(); }
                inFence = !inFence;
                continue;
            }
            if (inFence) { fence.Append(line).Append('\n'); continue; }
            if (line.StartsWith("# ", StringComparison.Ordinal)) { doc.Name = line.Substring(2).Trim(); continue; }
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); section = line.Substring(3).Trim().ToLowerInvariant(); sub = null; continue; }
            if (line.StartsWith("### ", StringComparison.Ordinal)) { Flush(); sub = line.Substring(4).Trim(); continue; }
            buffer.Add(line);
        }
        Flush();
        return doc;
    }

    /// <summary>Blank-line separated paragraphs, each joined into one line; list items stay separate.</summary>
    private static List<string> Paragraphs(List<string> lines)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var isListItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) || line.StartsWith("| ", StringComparison.Ordinal);
            if (line.Length == 0 || isListItem)
            {
                if (current.Length > 0) { result.Add(current.ToString()); current.Clear(); }
                if (isListItem) current.Append(line);
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        if (current.Length > 0) result.Add(current.ToString());
        return result;
    }

    /// <summary>What is missing or wrong on this page for the cmdlet as compiled; empty when it is complete.</summary>
    public IEnumerable<string> Problems(CmdletInfo cmdlet, string file)
    {
        if (!string.Equals(Name, cmdlet.Name, StringComparison.OrdinalIgnoreCase)) yield return $"{file}: the title must be '# {cmdlet.Name}'.";
        if (string.IsNullOrWhiteSpace(Synopsis)) yield return $"{file}: '## Synopsis' is missing or empty.";
        if (Description.Count == 0) yield return $"{file}: '## Description' is missing or empty.";
        if (Examples.Count < 2) yield return $"{file}: needs at least two examples under '## Examples' (has {Examples.Count}).";
        foreach (var example in Examples.Where(e => string.IsNullOrWhiteSpace(e.Code))) yield return $"{file}: example '{example.Title}' has no code block.";
        foreach (var parameter in cmdlet.Parameters.Where(p => !Parameters.TryGetValue(p.Name, out var text) || text.Count == 0))
            yield return $"{file}: parameter -{parameter.Name} is not documented (add '### -{parameter.Name}' under '## Parameters').";
        foreach (var documented in Parameters.Keys.Where(k => cmdlet.Parameters.All(p => !string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))))
            yield return $"{file}: documents -{documented}, which {cmdlet.Name} does not have.";
    }

    public static string PathFor(string docsFolder, string cmdletName) => Path.Combine(docsFolder, "cmdlets", cmdletName + ".md");
}
