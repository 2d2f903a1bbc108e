using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using LmsSync.Core.Salesforce;
using LmsSync.Core.Salesforce.Query;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// A state file's links as lines, written and read by hand: the last property (<see cref="StoredState"/>), one link
    /// per line, exactly the text the JSON writer writes for a link (<see cref="LinkJsonConverter"/>) when its ids need no
    /// escaping (printable ASCII without a quote or backslash, as every Salesforce and LMS id seen is). A fresh process
    /// spent 0.6 s of CPU in the JSON reader for the 80,000 links of a 100,000-user state, on the path of an incremental
    /// run's lookups (they need the changed users' links), and 0.4 s in the JSON writer at the end of every run.
    /// A file laid out otherwise (an older layout, a line edited by hand, an id with an escape) is not read here: the
    /// caller parses it whole with the JSON reader, which also says what is wrong; links with an id to escape are
    /// written by the JSON writer.
    /// </summary>
    internal static class LinkLines
    {
        private static readonly byte[] Opening = Ascii("\n  \"Links\": [");
        private static readonly byte[] SalesforceIdStart = Ascii("    {\"SalesforceId\":\"");
        private static readonly byte[] LmsIdStart = Ascii("\",\"LmsId\":\"");
        private static readonly byte[] OriginStart = Ascii("\",\"Origin\":\"");
        private static readonly byte[] LinkedAtStart = Ascii("\",\"LinkedAt\":\"");
        private static readonly byte[] LinkEnd = Ascii("\"}");
        private static readonly byte[] Closing = Ascii("  ]");
        private static readonly LinkOrigin[] Origins = (LinkOrigin[])Enum.GetValues(typeof(LinkOrigin));
        private static readonly string[] OriginNames = Array.ConvertAll(Origins, o => o.ToString());

        /// <summary>
        /// The links of <paramref name="file"/> (from <paramref name="start"/>, past any byte order mark), and where the
        /// header before them ends: the comma after the property before <c>Links</c>. False when the file is not laid out
        /// as written (see above).
        /// </summary>
        public static bool TryRead(byte[] file, int start, out int headerEnd, out List<Link> links) => TryRead(file, start, out headerEnd, out links, out _);

        /// <summary>As above, with where the link lines lie in the file (<see cref="Span"/>), their line breaks included.</summary>
        // The per-line methods are compiled optimised at once (Jit.Optimized): a run reads its state once, at its start,
        // while the runtime compiles hundreds of other methods, which holds back tiering up, so 80,000 lines were read by
        // the unoptimised first-tier code.
        [MethodImpl(Jit.Optimized)]
        public static bool TryRead(byte[] file, int start, out int headerEnd, out List<Link> links, out Span lines)
        {
            links = new List<Link>();
            lines = default;
            headerEnd = OpeningAt(file, start);
            if (headerEnd < 0) return false;
            var pos = headerEnd;
            // Past ",", an optional "\r" and the opening itself, then the line break after "[".
            pos++;
            if (file[pos] == '\r') pos++;
            pos += Opening.Length;
            if (!NewLine(file, ref pos)) return false;
            var first = pos;
            var carriageReturns = 0;
            links.Capacity = (file.Length - pos) / 140; // the length of a typical line
            while (true)
            {
                if (!Expect(file, ref pos, SalesforceIdStart) || !Id(file, ref pos, out var salesforceId) ||
                    !Expect(file, ref pos, LmsIdStart) || !Id(file, ref pos, out var lmsId) ||
                    !Expect(file, ref pos, OriginStart) || !Origin(file, ref pos, out var origin) ||
                    !Expect(file, ref pos, LinkedAtStart) || !Date(file, ref pos, out var linkedAt) ||
                    !Expect(file, ref pos, LinkEnd)) return false;
                links.Add(new Link(salesforceId, lmsId, origin, linkedAt));
                var comma = pos < file.Length && file[pos] == ',';
                if (comma) pos++;
                if (pos < file.Length && file[pos] == '\r') carriageReturns++;
                if (!NewLine(file, ref pos)) return false;
                if (comma) continue;
                // Line breaks all "\n" or all "\r\n" (the writer's); a mix has none.
                lines = new Span(first, pos, carriageReturns == 0 ? "\n" : carriageReturns == links.Count ? "\r\n" : null);
                return Expect(file, ref pos, Closing) && NewLine(file, ref pos) && pos < file.Length && file[pos++] == '}' && OnlyWhiteSpace(file, pos);
            }
        }

        /// <summary>The link lines' bytes in a file: from the first line's indent to the line break after the last, inclusive.</summary>
        public readonly struct Span
        {
            public Span(int start, int end, string? newLine)
            {
                Start = start;
                End = end;
                NewLine = newLine;
            }

            public int Start { get; }
            public int End { get; }

            /// <summary>The line break every line ends with; null when they differ.</summary>
            public string? NewLine { get; }
        }

        /// <summary>The comma before the line that opens the links (<c>  "Links": [</c>, a property of the top object), or -1.</summary>
        private static int OpeningAt(byte[] file, int start)
        {
            // Inside a JSON string a line break is escaped, so this text at the start of a line is the property itself.
            var opening = IndexOf(file, Opening, start);
            if (opening < 0) return -1;
            var before = opening - 1;
            if (before >= start && file[before] == '\r') before--;
            return before >= start && file[before] == ',' ? before : -1;
        }

        private static int IndexOf(byte[] file, byte[] text, int from)
        {
            for (var i = Array.IndexOf(file, text[0], from); i >= 0 && i <= file.Length - text.Length; i = Array.IndexOf(file, text[0], i + 1))
                if (At(file, i, text)) return i;
            return -1;
        }

        [MethodImpl(Jit.Optimized)]
        private static bool At(byte[] file, int pos, byte[] text)
        {
            if (pos + text.Length > file.Length) return false;
            for (var i = 0; i < text.Length; i++)
                if (file[pos + i] != text[i]) return false;
            return true;
        }

        [MethodImpl(Jit.Optimized)]
        private static bool Expect(byte[] file, ref int pos, byte[] text)
        {
            if (!At(file, pos, text)) return false;
            pos += text.Length;
            return true;
        }

        [MethodImpl(Jit.Optimized)]
        private static bool NewLine(byte[] file, ref int pos)
        {
            if (pos < file.Length && file[pos] == '\r') pos++;
            if (pos >= file.Length || file[pos] != '\n') return false;
            pos++;
            return true;
        }

        /// <summary>The characters up to the closing quote, if all are ones the JSON writer copies as they are (see <see cref="LinkJsonConverter"/>).</summary>
        [MethodImpl(Jit.Optimized)]
        private static bool Value(byte[] file, ref int pos, out AsciiText text)
        {
            var start = pos;
            for (; pos < file.Length; pos++)
            {
                var b = file[pos];
                if (b == '"')
                {
                    text = new AsciiText(file, start, pos - start);
                    return true;
                }
                if (b < ' ' || b > '~' || b == '\\') break;
            }
            text = default;
            return false;
        }

        [MethodImpl(Jit.Optimized)]
        private static bool Id(byte[] file, ref int pos, out string id)
        {
            var ok = Value(file, ref pos, out var text);
            id = ok ? text.Make() : "";
            return ok;
        }

        /// <summary>An origin by its exact name, as written; any other spelling is left to the JSON reader.</summary>
        [MethodImpl(Jit.Optimized)]
        private static bool Origin(byte[] file, ref int pos, out LinkOrigin origin)
        {
            origin = default;
            if (!Value(file, ref pos, out var text)) return false;
            for (var i = 0; i < Origins.Length; i++)
                if (text.Matches(OriginNames[i]))
                {
                    origin = Origins[i];
                    return true;
                }
            return false;
        }

        /// <summary>A date as <see cref="IsoDateTimeOffsetConverter"/> reads the written form.</summary>
        [MethodImpl(Jit.Optimized)]
        private static bool Date(byte[] file, ref int pos, out DateTimeOffset date)
        {
            date = default;
            return Value(file, ref pos, out var text) && SalesforceDateTime.TryParseDateTime(text, out date);
        }

        private static bool OnlyWhiteSpace(byte[] file, int pos)
        {
            for (; pos < file.Length; pos++)
                if (file[pos] != ' ' && file[pos] != '\t' && file[pos] != '\r' && file[pos] != '\n') return false;
            return true;
        }

        /// <summary>Whether every link can be written as a line by <see cref="Write"/>: its ids need no escaping.</summary>
        public static bool CanWrite(IReadOnlyList<Link> links)
        {
            for (var i = 0; i < links.Count; i++)
                if (!WrittenAsIs(links[i].SalesforceId) || !WrittenAsIs(links[i].LmsId)) return false;
            return true;
        }

        /// <summary>Printable ASCII other than a quote or backslash: what the JSON writer copies as it is.</summary>
        public static bool WrittenAsIs(string text)
        {
            foreach (var c in text)
                if (c < ' ' || c > '~' || c == '"' || c == '\\') return false;
            return true;
        }

        /// <summary>
        /// The links' lines as the indented JSON writer lays out the array's items: each indented four spaces, a comma
        /// after all but the last, each on its own line. Only links that <see cref="CanWrite"/>.
        /// </summary>
        public static void Write(TextWriter writer, IReadOnlyList<Link> links)
        {
            var line = new char[256];
            for (var i = 0; i < links.Count; i++)
            {
                var length = Format(links[i], ref line);
                writer.Write("    ");
                writer.Write(line, 0, length);
                if (i < links.Count - 1) writer.Write(',');
                writer.Write(writer.NewLine);
            }
        }

        /// <summary>One link's line (without indent or comma), as <see cref="LinkJsonConverter"/> writes it raw.</summary>
        public static string Line(Link link)
        {
            var line = new char[256];
            return new string(line, 0, Format(link, ref line));
        }

        private static int Format(Link link, ref char[] line)
        {
            var needed = 96 + link.SalesforceId.Length + link.LmsId.Length;
            if (line.Length < needed) line = new char[needed];
            var at = 0;
            Put(line, ref at, "{\"SalesforceId\":\"");
            Put(line, ref at, link.SalesforceId);
            Put(line, ref at, "\",\"LmsId\":\"");
            Put(line, ref at, link.LmsId);
            Put(line, ref at, "\",\"Origin\":\"");
            Put(line, ref at, OriginNames[Array.IndexOf(Origins, link.Origin)]);
            Put(line, ref at, "\",\"LinkedAt\":\"");
            PutDate(line, ref at, link.LinkedAt);
            Put(line, ref at, "\"}");
            return at;
        }

        /// <summary>
        /// The JSON writer's ISO form of a date with an offset (<c>yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz</c>): seven fraction
        /// digits without trailing zeros (none, and no dot, when whole), then the offset as <c>+hh:mm</c>.
        /// </summary>
        private static void PutDate(char[] line, ref int at, DateTimeOffset date)
        {
            var clock = date.DateTime;
            Digits(line, ref at, clock.Year, 4);
            line[at++] = '-';
            Digits(line, ref at, clock.Month, 2);
            line[at++] = '-';
            Digits(line, ref at, clock.Day, 2);
            line[at++] = 'T';
            Digits(line, ref at, clock.Hour, 2);
            line[at++] = ':';
            Digits(line, ref at, clock.Minute, 2);
            line[at++] = ':';
            Digits(line, ref at, clock.Second, 2);
            var fraction = (int)(clock.Ticks % TimeSpan.TicksPerSecond);
            if (fraction > 0)
            {
                var digits = 7;
                while (fraction % 10 == 0)
                {
                    fraction /= 10;
                    digits--;
                }
                line[at++] = '.';
                Digits(line, ref at, fraction, digits);
            }
            var offset = (int)date.Offset.TotalMinutes;
            line[at++] = offset < 0 ? '-' : '+';
            offset = Math.Abs(offset);
            Digits(line, ref at, offset / 60, 2);
            line[at++] = ':';
            Digits(line, ref at, offset % 60, 2);
        }

        private static void Digits(char[] line, ref int at, int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                line[at + i] = (char)('0' + value % 10);
                value /= 10;
            }
            at += count;
        }

        private static void Put(char[] line, ref int at, string text)
        {
            text.CopyTo(0, line, at, text.Length);
            at += text.Length;
        }

        private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
    }
}
