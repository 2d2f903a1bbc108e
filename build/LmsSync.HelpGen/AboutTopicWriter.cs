using System.Linq;
using System.Text;

namespace LmsSync.HelpGen;

/// <summary>docs/about_X.md → about_X.help.txt: headings in capitals, code fences indented, the rest as written.</summary>
public static class AboutTopicWriter
{
    public static string Convert(string markdown)
    {
        var text = new StringBuilder();
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", System.StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) { text.Append("    ").Append(line).Append('\n'); continue; }
            var heading = line.TakeWhile(c => c == '#').Count();
            if (heading > 0 && line.Length > heading && line[heading] == ' ')
            {
                var title = line.Substring(heading + 1).Trim();
                text.Append(heading <= 2 ? title.ToUpperInvariant() : "  " + title).Append('\n');
                continue;
            }
            text.Append(heading == 0 ? "    " + line.Replace("`", "") : line).Append('\n');
        }
        return text.ToString().Replace("    \n", "\n");
    }
}
