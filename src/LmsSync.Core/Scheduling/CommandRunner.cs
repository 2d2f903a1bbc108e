using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Scheduling
{
    public sealed class CommandResult
    {
        public CommandResult(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public int ExitCode { get; }
        public string Output { get; }
        public string Error { get; }
    }

    /// <summary>Runs a scheduler's command-line tool (schtasks, systemctl, crontab, launchctl); faked in tests to check exact arguments.</summary>
    public interface ICommandRunner
    {
        Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken);
    }

    /// <summary>Starts the real process. Its arguments are never put into messages (schtasks /RP carries a password).</summary>
    public sealed class ProcessCommandRunner : ICommandRunner
    {
        public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(program, Quoting.WindowsCommandLine(arguments))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            using (var process = new Process { StartInfo = start, EnableRaisingEvents = true })
            {
                var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                process.Exited += (_, __) => exited.TrySetResult(true);
                try
                {
                    process.Start();
                }
                catch (Win32Exception e)
                {
                    throw new ScheduleException(ScheduleErrorKind.SchedulerFailed, $"Could not start '{program}': {e.Message}. Is it installed and on PATH?", e);
                }
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                if (standardInput != null) await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
                process.StandardInput.Close();
                using (cancellationToken.Register(() => TryKill(process)))
                {
                    await exited.Task.ConfigureAwait(false);
                }
                cancellationToken.ThrowIfCancellationRequested();
                return new CommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
            }
        }

        private static void TryKill(Process process)
        {
            try { if (!process.HasExited) process.Kill(); }
            catch (InvalidOperationException) { }
            catch (Win32Exception) { }
        }
    }

    internal static class CommandRunnerExtensions
    {
        /// <summary>Runs the tool and turns a non-zero exit into a message with the tool's own words (never its arguments).</summary>
        public static async Task<CommandResult> RunCheckedAsync(this ICommandRunner runner, string program, string what, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string? standardInput = null)
        {
            var result = await runner.RunAsync(program, arguments, standardInput, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var said = (result.Error.Trim().Length > 0 ? result.Error : result.Output).Trim();
                throw new ScheduleException(ScheduleErrorKind.SchedulerFailed, $"{program} could not {what} (exit code {result.ExitCode}): {said}");
            }
            return result;
        }
    }
}
