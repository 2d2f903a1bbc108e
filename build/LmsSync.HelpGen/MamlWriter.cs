using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LmsSync.HelpGen;

/// <summary>Writes MAML, the XML help format Get-Help reads for binary cmdlets.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<(CmdletInfo Cmdlet, CmdletDoc Doc)> pages) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                pages.Select(p => Command_(p.Cmdlet, p.Doc))));

    private static XElement Command_(CmdletInfo cmdlet, CmdletDoc doc) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(new[] { doc.Synopsis })),
            Description(doc.Description),
            new XElement(Command + "syntax", cmdlet.ParameterSetNames.Select(set => SyntaxItem(cmdlet, doc, set))),
            new XElement(Command + "parameters", cmdlet.Parameters.Select(p => Parameter(p, doc, p.Sets[0]))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(i => TypeEntry(Command + "inputType", i.Key, i.Value))),
            new XElement(Command + "returnValues", Outputs(cmdlet, doc)),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(doc.Notes))),
            new XElement(Command + "examples", doc.Examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {Title(e.Title, i)} --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", Paras(e.Remarks))))),
            new XElement(Command + "relatedLinks", doc.RelatedLinks.Select(link => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", link), new XElement(Maml + "uri")))));

    private static string Title(string title, int index) =>
        title.StartsWith("Example", System.StringComparison.OrdinalIgnoreCase) ? title : $"Example {index + 1}: {title}";

    private static IEnumerable<XElement> Outputs(CmdletInfo cmdlet, CmdletDoc doc)
    {
        var documented = doc.Outputs.Select(o => TypeEntry(Command + "returnValue", o.Key, o.Value)).ToList();
        return documented.Count > 0 ? documented : cmdlet.OutputTypes.Select(t => TypeEntry(Command + "returnValue", t, new List<string>()));
    }

    private static XElement SyntaxItem(CmdletInfo cmdlet, CmdletDoc doc, string set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", cmdlet.Name),
            cmdlet.Parameters
                .Select(p => (Parameter: p, Set: p.Sets.FirstOrDefault(s => s.Name == set) ?? p.Sets.FirstOrDefault(s => s.Name == CmdletInfo.AllSets)))
                .Where(x => x.Set != null)
                .OrderBy(x => x.Set!.Position ?? int.MaxValue)
                .Select(x => Parameter(x.Parameter, doc, x.Set!)));

    private static XElement Parameter(CmdletParameterInfo parameter, CmdletDoc doc, ParameterSetInfo set)
    {
        var pipeline = set.ValueFromPipeline && set.ValueFromPipelineByPropertyName ? "True (ByValue, ByPropertyName)"
            : set.ValueFromPipeline ? "True (ByValue)" : set.ValueFromPipelineByPropertyName ? "True (ByPropertyName)" : "False";
        doc.Parameters.TryGetValue(parameter.Name, out var text);
        return new XElement(Command + "parameter",
            new XAttribute("required", set.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", set.Position?.ToString() ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(text ?? new List<string>()),
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), parameter.TypeName),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.TypeFullName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.IsSwitch ? "False" : "None"));
    }

    private static XElement TypeEntry(XName element, string typeName, IReadOnlyList<string> text) =>
        new(element, new XElement(Dev + "type", new XElement(Maml + "name", typeName), new XElement(Maml + "uri")), Description(text));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}
