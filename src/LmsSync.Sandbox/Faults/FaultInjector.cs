using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace LmsSync.Sandbox.Faults;

/// <summary>The active fault rules. Matching is atomic, so SkipFirst/Times count exactly under concurrency.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ActiveRule> _rules = new();
    private int _nextId;

    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var regex = new Regex(rule.PathPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
        lock (_gate)
        {
            rule.Id = "fault-" + (++_nextId);
            _rules.Add(new ActiveRule(rule, regex));
        }
        return rule;
    }

    public bool Remove(string id)
    {
        lock (_gate) return _rules.RemoveAll(r => r.Rule.Id == id) > 0;
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) return _rules.Select(r => r.Rule).ToList(); }
    }

    /// <summary>The first rule that applies to this request, counting it; null when none does.</summary>
    public FaultRule? Match(string method, string pathAndQuery)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var active = _rules[i];
                var rule = active.Rule;
                if (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (!active.Pattern.IsMatch(pathAndQuery)) continue;
                active.Seen++;
                if (active.Seen <= rule.SkipFirst) continue;
                active.Applied++;
                if (rule.Times is { } times && active.Applied >= times) _rules.RemoveAt(i);
                return rule;
            }
            return null;
        }
    }

    private sealed class ActiveRule(FaultRule rule, Regex pattern)
    {
        public FaultRule Rule { get; } = rule;
        public Regex Pattern { get; } = pattern;
        public int Seen;
        public int Applied;
    }
}
