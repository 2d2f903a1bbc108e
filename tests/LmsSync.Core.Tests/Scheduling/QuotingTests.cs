using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

/// <summary>
/// Each quoting is proven by the program that unquotes it: sh for crontab words (after cron's own '%'
/// processing), .NET's Windows-rules argument parser for task arguments, an XML parser for plists.
/// </summary>
public sealed class QuotingTests
{
    private static readonly string[] Awkward =
    {
        "plain", "with space", "O'Brien", "say \"hi\"", "100% sure", "%%", "$HOME and ${PATH}", "back\\slash", "trailing\\", "\\\"", "back\\%percent",
        "`tick` ;|&<>*?", "o\u2019neil", "", "  two  spaces  ",
    };

    [Theory]
    [InlineData("acme", "'acme'")]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("o\u2019neil", "'o\u2019\u2019neil'")]
    [InlineData("$env:X \"y\"", "'$env:X \"y\"'")]
    public void PowerShell_literals_double_every_single_quote_character(string value, string expected) =>
        Assert.Equal(expected, Quoting.PowerShellLiteral(value));

    [UnixFact]
    public void Crontab_commands_reach_sh_exactly_after_cron_turns_unescaped_percent_signs_into_newlines()
    {
        var line = Quoting.CrontabCommand(new[] { "printf", "%s\\n" }.Concat(Awkward));
        Assert.DoesNotContain("\n", line);
        var afterCron = CronCommandProcessing(line);
        Assert.Equal(Awkward, Run("/bin/sh", "-c", afterCron));
    }

    [UnixFact]
    public void Windows_command_lines_parse_back_to_the_same_arguments()
    {
        var line = Quoting.WindowsCommandLine(Awkward);
        Assert.Equal(Awkward, RunWithCommandLine("/usr/bin/printf", "\"%s\\n\" " + line));
    }

    [Theory]
    [InlineData("a b", "\"a b\"")]
    [InlineData("100%", "\"100%%\"")]
    [InlineData("$HOME", "\"$$HOME\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\x", "\"C:\\\\x\"")]
    [InlineData("it's", "\"it's\"")]
    public void Systemd_exec_arguments_are_double_quoted_with_percent_and_dollar_doubled(string value, string expected) =>
        Assert.Equal("/usr/bin/pwsh " + expected, Quoting.SystemdExecLine(new[] { "/usr/bin/pwsh", value }));

    [Fact]
    public void The_systemd_program_path_doubles_percent_but_not_dollar_and_refuses_quotes()
    {
        Assert.Equal("\"/opt/a $b 100%%/pwsh\" -NoProfile", Quoting.SystemdExecLine(new[] { "/opt/a $b 100%/pwsh", "-NoProfile" }));
        Assert.Contains("without them", Assert.Throws<ScheduleException>(() => Quoting.SystemdExecLine(new[] { "/opt/o'brien/pwsh" })).Message);
    }

    [Fact]
    public void The_plist_program_arguments_parse_back_to_the_exact_command()
    {
        var definition = ScheduleFixtures.UnixAwkwardPaths();
        var plist = XDocument.Parse(LaunchdPlist.Render(definition));
        var array = plist.Root!.Element("dict")!.Elements("key").Single(k => k.Value == "ProgramArguments").ElementsAfterSelf().First();
        Assert.Equal(definition.Command.Argv, array.Elements("string").Select(s => s.Value));
    }

    [UnixFact]
    public void The_task_xml_arguments_parse_back_to_the_exact_command()
    {
        var definition = ScheduleFixtures.WindowsAwkwardPaths();
        var task = XDocument.Parse(TaskSchedulerXml.Render(definition, ScheduleFixtures.RegistrationDay, ScheduleFixtures.Principal));
        XNamespace ns = TaskSchedulerXml.Namespace;
        var exec = task.Root!.Element(ns + "Actions")!.Element(ns + "Exec")!;
        Assert.Equal(definition.Command.Executable, exec.Element(ns + "Command")!.Value);
        Assert.Equal(definition.Command.Arguments, RunWithCommandLine("/usr/bin/printf", "\"%s\\n\" " + exec.Element(ns + "Arguments")!.Value));
    }

    [Fact]
    public void Paths_with_line_breaks_are_refused_before_they_can_split_a_crontab_line()
    {
        var error = Assert.Throws<ScheduleException>(() => ScheduledCommand.ForSync(new ScheduledCommandInputs
        {
            PowerShellPath = "/usr/bin/pwsh", ModuleManifestPath = "/tmp/x\n* * * * * rm -rf ~", Profile = "acme", LogFile = "/tmp/log",
        }));
        Assert.Equal(ScheduleErrorKind.Invalid, error.Kind);
    }

    /// <summary>What cron (Vixie cron and cronie, do_command.c) does to a command: an unescaped '%' ends it, "\%" becomes "%".</summary>
    private static string CronCommandProcessing(string command)
    {
        var result = new StringBuilder();
        var escaped = false;
        foreach (var c in command)
        {
            if (escaped)
            {
                if (c == '%') result.Length--; // drop the backslash
                result.Append(c);
                escaped = false;
                continue;
            }
            if (c == '\\') { escaped = true; result.Append(c); continue; }
            if (c == '%') break; // the rest would be standard input
            result.Append(c);
        }
        return result.ToString();
    }

    private static List<string> Run(string program, params string[] args)
    {
        var result = new ProcessCommandRunner().RunAsync(program, args, null, CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, result.Error);
        return Lines(result.Output);
    }

    private static List<string> RunWithCommandLine(string program, string commandLine)
    {
        using var process = Process.Start(new ProcessStartInfo(program, commandLine) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Lines(output);
    }

    private static List<string> Lines(string output) => output.EndsWith('\n') ? output[..^1].Split('\n').ToList() : new List<string>();
}
