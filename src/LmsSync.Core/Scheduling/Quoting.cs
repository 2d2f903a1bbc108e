using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LmsSync.Core.Scheduling
{
    /// <summary>
    /// Quoting for each place a path or name ends up. Each format has its own metacharacters; getting one
    /// wrong either breaks the schedule or, worse, runs something else, so each is tested with spaces,
    /// both quote kinds, '%' and '$'.
    /// </summary>
    public static class Quoting
    {
        // PowerShell treats the typographic single quotes as quote characters too.
        private static readonly char[] PowerShellSingleQuotes = { '\'', '\u2018', '\u2019', '\u201A', '\u201B' };

        /// <summary>A PowerShell verbatim string: '…' with every single-quote character doubled.</summary>
        public static string PowerShellLiteral(string value)
        {
            var text = new StringBuilder("'");
            foreach (var c in value)
            {
                if (Array.IndexOf(PowerShellSingleQuotes, c) >= 0) text.Append(c);
                text.Append(c);
            }
            return text.Append('\'').ToString();
        }

        /// <summary>
        /// One argument of a Windows command line, as CommandLineToArgvW and .NET parse it (also how .NET
        /// splits ProcessStartInfo.Arguments on Linux and macOS): quoted when needed, backslashes doubled
        /// only where they precede a quote.
        /// </summary>
        public static string WindowsArgument(string value)
        {
            if (value.Length > 0 && value.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0) return value;
            var text = new StringBuilder("\"");
            var backslashes = 0;
            foreach (var c in value)
            {
                if (c == '\\') { backslashes++; continue; }
                if (c == '"') text.Append('\\', backslashes * 2 + 1);
                else text.Append('\\', backslashes);
                backslashes = 0;
                text.Append(c);
            }
            return text.Append('\\', backslashes * 2).Append('"').ToString();
        }

        public static string WindowsCommandLine(IEnumerable<string> arguments) => string.Join(" ", arguments.Select(WindowsArgument));

        /// <summary>A POSIX sh word: as is when it holds only characters sh never treats specially, else '…' with each ' written as '\''.</summary>
        public static string PosixShellWord(string value) => IsPlainWord(value) ? value : "'" + value.Replace("'", "'\\''") + "'";

        /// <summary>
        /// A crontab command: sh words, and every '%' (which cron turns into a newline) written as '\%' outside
        /// the single quotes — cron drops the backslash, and a backslash just before it in the value stays
        /// inside the quotes where cron does not see it as an escape.
        /// </summary>
        public static string CrontabCommand(IEnumerable<string> arguments) =>
            string.Join(" ", arguments.Select(a => PosixShellWord(a).Replace("%", "'\\%'")));

        /// <summary>
        /// A systemd ExecStart= line: each argument double-quoted (when not a plain word) with C escapes for '\\'
        /// and '"', and '%' doubled (specifiers). '$' is doubled in the arguments (environment substitution) but
        /// not in the program path, which systemd takes without substitution. systemd refuses a program path
        /// containing quotes or backslashes ("Executable name contains special characters"), so such a path is
        /// refused here, with what to do instead.
        /// </summary>
        public static string SystemdExecLine(IReadOnlyList<string> argv)
        {
            var program = argv[0];
            if (program.IndexOfAny(new[] { '\'', '"', '\\' }) >= 0)
                throw new ScheduleException(ScheduleErrorKind.Invalid, $"systemd cannot start a program whose path contains quotes or backslashes: '{program}'. Install PowerShell in (or link pwsh from) a path without them.");
            return string.Join(" ", argv.Select((a, i) => IsPlainWord(a) ? a : "\"" + EscapeSystemd(a, substitutes: i > 0) + "\""));
        }

        private static string EscapeSystemd(string value, bool substitutes)
        {
            var escaped = value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("%", "%%");
            return substitutes ? escaped.Replace("$", "$$") : escaped;
        }

        /// <summary>Letters, digits and - _ . / : = + , @ only: nothing sh, cron or systemd would interpret (no '%', '$', quotes, spaces).</summary>
        private static bool IsPlainWord(string value) =>
            value.Length > 0 && value.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_./:=+,@".IndexOf(c) >= 0);

        /// <summary>XML character data and attribute values (task XML, plist).</summary>
        public static string Xml(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&': text.Append("&amp;"); break;
                    case '<': text.Append("&lt;"); break;
                    case '>': text.Append("&gt;"); break;
                    case '"': text.Append("&quot;"); break;
                    case '\'': text.Append("&apos;"); break;
                    default: text.Append(c); break;
                }
            }
            return text.ToString();
        }

        /// <summary>Control characters break every line-based format here (crontab, unit files); refuse them.</summary>
        public static void RequireNoControlCharacters(string value, string what)
        {
            if (value.Any(char.IsControl))
                throw new ScheduleException(ScheduleErrorKind.Invalid, $"The {what} '{value.Replace("\n", "\\n").Replace("\r", "\\r")}' contains a control character (such as a line break); move it to a path without one.");
        }
    }
}
