using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// A LIKE pattern: <c>%</c> matches any run of characters, <c>_</c> exactly one, and escaped
/// <c>\%</c> / <c>\_</c> themselves. Matching ignores case, as Salesforce's does.
/// </summary>
internal sealed class LikePattern
{
    private const char AnyRun = '\uFFFF';
    private const char AnyOne = '\uFFFE';
    private readonly char[] _pattern;

    public LikePattern(SoqlString literal)
    {
        var escaped = new HashSet<int>(literal.LiteralWildcards);
        _pattern = new char[literal.Text.Length];
        for (var i = 0; i < literal.Text.Length; i++)
        {
            var c = literal.Text[i];
            _pattern[i] = escaped.Contains(i) ? Fold(c) : c switch { '%' => AnyRun, '_' => AnyOne, _ => Fold(c) };
        }
    }

    /// <summary>Greedy match with backtracking to the last <c>%</c>: linear in practice, no regex.</summary>
    public bool Matches(string text)
    {
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == AnyOne || _pattern[p] == Fold(text[t])))
            {
                t++;
                p++;
            }
            else if (p < _pattern.Length && _pattern[p] == AnyRun)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == AnyRun)
        {
            p++;
        }

        return p == _pattern.Length;
    }

    private static char Fold(char c) => char.ToUpperInvariant(c);
}
