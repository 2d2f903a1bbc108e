using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Storage;

namespace LmsSync.Core.Scheduling
{
    /// <summary>Where the crontab text is read from and written to.</summary>
    public interface ICrontabStore
    {
        string Location { get; }
        Task<string> ReadAsync(CancellationToken cancellationToken);
        Task WriteAsync(string crontab, CancellationToken cancellationToken);
    }

    /// <summary>
    /// A crontab kept in a plain file: used when LMSSYNC_CRONTAB_FILE is set, so tests (and the Pester suite)
    /// register into a crontab they own and never the machine user's real one.
    /// </summary>
    public sealed class CrontabFile : ICrontabStore
    {
        public const string OverrideVariable = "LMSSYNC_CRONTAB_FILE";

        private readonly string _path;

        public CrontabFile(string path) { _path = Path.GetFullPath(path); }

        public string Location => _path;

        public Task<string> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult(File.Exists(_path) ? File.ReadAllText(_path, new UTF8Encoding(false)) : "");

        public Task WriteAsync(string crontab, CancellationToken cancellationToken)
        {
            AtomicFile.WriteAllText(_path, crontab);
            return Task.FromResult(true);
        }
    }

    /// <summary>The user's real crontab, through the <c>crontab</c> program: <c>crontab -l</c> and <c>crontab -</c> (stdin).</summary>
    public sealed class CrontabProgram : ICrontabStore
    {
        private readonly ICommandRunner _runner;
        private readonly string _program;

        public CrontabProgram(ICommandRunner runner, string program = "crontab")
        {
            _runner = runner;
            _program = program;
        }

        public string Location => "crontab of " + Environment.UserName;

        public async Task<string> ReadAsync(CancellationToken cancellationToken)
        {
            var result = await _runner.RunAsync(_program, new[] { "-l" }, null, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0) return result.Output;
            // cron implementations say "no crontab for <user>" (exit 1) when the user has none yet.
            if (result.Error.IndexOf("no crontab", StringComparison.OrdinalIgnoreCase) >= 0) return "";
            throw new ScheduleException(ScheduleErrorKind.SchedulerFailed, $"{_program} -l failed (exit code {result.ExitCode}): {result.Error.Trim()}");
        }

        public Task WriteAsync(string crontab, CancellationToken cancellationToken) =>
            _runner.RunCheckedAsync(_program, "install the new crontab", new[] { "-" }, cancellationToken, crontab);
    }
}
