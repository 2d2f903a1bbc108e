using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>Records every command; answers from a script of responses by program and first arguments.</summary>
internal sealed class FakeCommandRunner : ICommandRunner
{
    private readonly List<(Func<string, IReadOnlyList<string>, bool> When, Func<CommandResult> Then)> _responses = new();

    public List<(string Program, IReadOnlyList<string> Arguments, string? Input)> Calls { get; } = new();

    public IEnumerable<string> CommandLines => Calls.Select(c => c.Program + " " + string.Join(" ", c.Arguments));

    public FakeCommandRunner When(Func<string, IReadOnlyList<string>, bool> when, Func<CommandResult> then)
    {
        _responses.Add((when, then));
        return this;
    }

    public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        Calls.Add((program, arguments.ToList(), standardInput));
        var response = _responses.LastOrDefault(r => r.When(program, arguments));
        return Task.FromResult(response.Then?.Invoke() ?? new CommandResult(0, "", ""));
    }
}
