using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Xunit;

namespace LmsSync.Core.Tests.Storage;

/// <summary>
/// The state's links read by hand from the lines the writer saves (<see cref="LinkLines"/>) must give exactly what the JSON
/// reader gives for the whole file; any file laid out otherwise must be left to the JSON reader.
/// </summary>
public sealed class LinkLinesTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-linklines-" + Guid.NewGuid().ToString("N"))).FullName;
    private string StatePath => Path.Combine(_root, "state.json");

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void Every_saved_state_reads_by_its_link_lines_as_the_JSON_reader_reads_it_whole()
    {
        var random = new Random(8);
        var byLines = 0;
        for (var round = 0; round < 60; round++)
        {
            var state = RandomState(random, plainIds: round % 4 != 3);
            StateFile.Save(StatePath, state);
            var bytes = File.ReadAllBytes(StatePath);

            var readByLines = LinkLines.TryRead(bytes, 0, out _, out var lines);
            // Ids of printable ASCII without a quote or backslash are written as they are: those files are always read by line.
            var plain = state.Links.All(l => Plain(l.SalesforceId) && Plain(l.LmsId));
            Assert.Equal(plain && state.Links.Count > 0, readByLines);
            if (readByLines)
            {
                byLines++;
                Assert.Equal(Text(state.Links), Text(lines));
            }
            Assert.Equal(Outcome(readLinkLines: false), Outcome(readLinkLines: true));
            Assert.Equal(Text(state.Links), Text(StateFile.Load(StatePath).Links));
        }
        Assert.True(byLines >= 30, $"only {byLines} of 60 files were read by line");
    }

    /// <summary>The layout: header, brackets, commas, line ends (a link's own line is the converter's either way; see the test below).</summary>
    [Fact]
    public void A_state_written_with_its_link_lines_by_hand_is_byte_for_byte_what_the_JSON_writer_writes()
    {
        var random = new Random(9);
        var byLines = 0;
        for (var round = 0; round < 60; round++)
        {
            var state = RandomState(random, plainIds: round % 4 != 3);
            StateFile.Save(StatePath, state, writeLinkLines: false);
            var expected = File.ReadAllBytes(StatePath);
            StateFile.Save(StatePath, state);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(File.ReadAllBytes(StatePath)));
            if (state.Links.Count > 0 && LinkLines.CanWrite(state.Links)) byLines++;
        }
        Assert.True(byLines >= 30, $"only {byLines} of 60 files were written by line");
    }

    [Fact]
    public void Dates_are_written_in_the_JSON_writers_form_at_the_ends_of_the_calendar_and_of_every_offset()
    {
        var state = new StoredState();
        var dates = new[]
        {
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)).AddDays(1),
            new DateTimeOffset(999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)).AddTicks(1), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromMinutes(-90)),
            new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.FromMinutes(345)).AddTicks(1_000_000), new DateTimeOffset(2026, 11, 21, 9, 5, 3, TimeSpan.Zero).AddTicks(9_999_999),
        };
        foreach (var date in dates) state.Links.Add(new Link("005" + state.Links.Count, "u" + state.Links.Count, LinkOrigin.Matched, date));

        StateFile.Save(StatePath, state);

        // Each line as Newtonsoft writes such an object itself, property by property (not through the state's own converter).
        var written = File.ReadAllLines(StatePath).Where(l => l.StartsWith("    {", StringComparison.Ordinal)).Select(l => l.Trim().TrimEnd(','));
        Assert.Equal(state.Links.Select(l => JsonConvert.SerializeObject(new { l.SalesforceId, l.LmsId, Origin = l.Origin.ToString(), l.LinkedAt })), written);
        Assert.Equal(dates.Select(d => (d, d.Offset)), StateFile.Load(StatePath).Links.Select(l => (l.LinkedAt, l.LinkedAt.Offset)));
    }

    public static IEnumerable<object[]> Edits() => new[]
    {
        new object[] { "Windows line ends", (Func<string, string>)(t => t.Replace("\n", "\r\n")), true },
        new object[] { "a byte order mark", (Func<string, string>)(t => "\uFEFF" + t), true },
        new object[] { "white space after the object", (Func<string, string>)(t => t + "\n\n  "), true },
        new object[] { "a comment after the object", (Func<string, string>)(t => t + "/* kept */"), false },
        new object[] { "content after the object", (Func<string, string>)(t => t + "{}"), false },
        new object[] { "a property name in another case", (Func<string, string>)(t => t.Replace("{\"SalesforceId\":\"005000000000002AAA\"", "{\"salesforceid\":\"005000000000002AAA\"")), false },
        new object[] { "an origin in another case", (Func<string, string>)(t => ReplaceLast(t, "\"Origin\":\"Matched\"", "\"Origin\":\"matched\"")), false },
        new object[] { "an origin by number", (Func<string, string>)(t => ReplaceLast(t, "\"Origin\":\"Matched\"", "\"Origin\":1")), false },
        new object[] { "an unknown origin", (Func<string, string>)(t => ReplaceLast(t, "\"Origin\":\"Matched\"", "\"Origin\":\"Guessed\"")), false },
        new object[] { "an extra property", (Func<string, string>)(t => ReplaceLast(t, "\"}", "\",\"Extra\":1}")), false },
        new object[] { "a missing property", (Func<string, string>)(t => t.Replace(",\"Origin\":\"Created\"", "")), false },
        new object[] { "a date in another form", (Func<string, string>)(t => t.Replace("2026-03-04T05:06:07+01:00", "03/04/2026 05:06:07 +01:00")), false },
        new object[] { "a date that is none", (Func<string, string>)(t => t.Replace("2026-03-04T05:06:07+01:00", "soon")), false },
        new object[] { "an id not in ASCII", (Func<string, string>)(t => t.Replace("u-2", "u-\u00e9")), false },
        new object[] { "an escaped id", (Func<string, string>)(t => t.Replace("u-2", "u-\\u0032")), false },
        new object[] { "two links on one line", (Func<string, string>)(t => t.Replace("},\n    {", "}, {")), false },
        new object[] { "a duplicated LMS id", (Func<string, string>)(t => t.Replace("u-2", "u-1")), true },
        new object[] { "a link cut short", (Func<string, string>)(t => t.Substring(0, t.LastIndexOf("\"LinkedAt\"", StringComparison.Ordinal))), false },
        new object[] { "no closing brace", (Func<string, string>)(t => t.TrimEnd().TrimEnd('}')), false },
        new object[] { "the links first", (Func<string, string>)LinksFirst, false },
        new object[] { "an unknown header property", (Func<string, string>)(t => t.Replace("\"ConfigurationHash\"", "\"Unknown\"")), true },
        new object[] { "a header property repeated after the links", (Func<string, string>)(t => t.TrimEnd().TrimEnd('}') + ",\n  \"ConfigurationHash\": \"later\"\n}"), false },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_file_changed_by_hand_reads_or_fails_exactly_as_the_JSON_reader_reads_it_whole(string edit, Func<string, string> change, bool readByLines)
    {
        var state = new StoredState { ConfigurationHash = "abc", SystemModstampWatermark = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero) };
        state.Links.Add(new Link("005000000000001AAA", "u-1", LinkOrigin.Created, new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(1))));
        state.Links.Add(new Link("005000000000002AAA", "u-2", LinkOrigin.Matched, new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero)));
        StateFile.Save(StatePath, state);
        var text = File.ReadAllText(StatePath).Replace("\r\n", "\n");
        var changed = change(text);
        Assert.NotEqual(text, changed);
        File.WriteAllText(StatePath, changed, new UTF8Encoding(false));

        var bytes = File.ReadAllBytes(StatePath);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF ? 3 : 0;
        Assert.True(readByLines == LinkLines.TryRead(bytes, start, out _, out _), edit);
        Assert.Equal(Outcome(readLinkLines: false), Outcome(readLinkLines: true));
    }

    /// <summary>The state read, as text, or the error's message: what a user sees either way.</summary>
    private string Outcome(bool readLinkLines)
    {
        try
        {
            var state = StateFile.Load(StatePath, readLinkLines);
            return JsonConvert.SerializeObject(state) + Text(state.Links);
        }
        catch (StateFileException e)
        {
            return "error: " + e.Message;
        }
    }

    private static string Text(IEnumerable<Link> links) =>
        string.Join("\n", links.Select(l => $"{l.SalesforceId}|{l.LmsId}|{l.Origin}|{l.LinkedAt.UtcTicks}|{l.LinkedAt.Offset}"));

    private static bool Plain(string id) => id.All(c => c >= ' ' && c <= '~' && c != '"' && c != '\\');

    private static StoredState RandomState(Random random, bool plainIds)
    {
        var state = new StoredState
        {
            SystemModstampWatermark = random.Next(2) == 0 ? null : Date(random),
            LastFullRun = Date(random),
            ConfigurationHash = random.Next(2) == 0 ? null : "hash-" + random.Next(),
            GroupMemberships = random.Next(2) == 0 ? null : Enumerable.Range(0, random.Next(4)).ToDictionary(i => "005" + i, i => "h" + i),
        };
        state.ManagedGroupNames.Add("Links\": [\n");
        state.LastRuns.Add(new StoredRun { RunId = "r" + random.Next(), Status = "Succeeded", Started = Date(random), Ended = Date(random) });
        var count = random.Next(0, 120);
        for (var i = 0; i < count; i++)
            state.Links.Add(new Link(Id(random, plainIds) + i, "u" + i + Id(random, plainIds), (LinkOrigin)random.Next(2), Date(random)));
        return state;
    }

    /// <summary>Printable ASCII but quotes and backslashes, JSON's punctuation included; now and then (unless plain) a quote, backslash, control or non-ASCII character.</summary>
    private static string Id(Random random, bool plain)
    {
        const string special = "\"\\\té€\u0001";
        var chars = new char[random.Next(0, 20)];
        for (var i = 0; i < chars.Length; i++)
        {
            var c = (char)random.Next(' ', '~' + 1);
            chars[i] = !plain && random.Next(30) == 0 ? special[random.Next(special.Length)] : c == '"' || c == '\\' ? '}' : c;
        }
        return new string(chars);
    }

    private static DateTimeOffset Date(Random random) =>
        new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromMinutes(15 * random.Next(-48, 57))).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 3000));

    private static string ReplaceLast(string text, string from, string to)
    {
        var at = text.LastIndexOf(from, StringComparison.Ordinal);
        return text.Substring(0, at) + to + text.Substring(at + from.Length);
    }

    /// <summary>The layout before the header came first: the links, then the rest.</summary>
    private static string LinksFirst(string text)
    {
        var at = text.IndexOf("\n  \"Links\": [", StringComparison.Ordinal);
        var header = text.Substring(1, at - 2); // without "{" and the comma before the links
        var links = text.Substring(at + 1, text.LastIndexOf('}') - at - 1).TrimEnd();
        return "{\n" + links + "," + header + "\n}";
    }
}
