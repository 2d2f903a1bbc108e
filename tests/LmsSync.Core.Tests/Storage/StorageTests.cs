using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace LmsSync.Core.Tests.Storage;

public sealed class StorageTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-storage-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void An_atomic_write_replaces_the_whole_file_and_leaves_no_temp_files()
    {
        var path = Path.Combine(_root, "state.json");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new contents");

        Assert.Equal("new contents", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_root));
    }

    [Fact]
    public void Secrets_round_trip_and_the_file_is_readable_by_its_owner_only()
    {
        var file = new SecretFile(Path.Combine(_root, "secrets.json"));
        file.Save(new Dictionary<string, SecureString> { ["salesforce.clientSecret"] = SecureStrings.FromPlain("s3cr3t-value"), ["dateLike"] = SecureStrings.FromPlain("2026-01-01T00:00:00Z") });

        var loaded = file.Load();

        Assert.Equal("s3cr3t-value", SecureStrings.ToPlain(loaded["salesforce.clientSecret"]));
        Assert.Equal("2026-01-01T00:00:00Z", SecureStrings.ToPlain(loaded["dateLike"]));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_root, "secrets.json")));
        else
            Assert.DoesNotContain("s3cr3t-value", File.ReadAllText(Path.Combine(_root, "secrets.json")));
    }

    [Fact]
    public void A_broken_secrets_file_is_a_clear_error_that_never_quotes_its_content()
    {
        var path = Path.Combine(_root, "secrets.json");
        File.WriteAllText(path, "{ \"protection\": \"owner-only-file\", \"values\": { \"k\": \"hunter2\" ");

        var error = Assert.Throws<InvalidDataException>(() => new SecretFile(path).Load());

        Assert.Contains(path, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme-prod_2.eu")]
    public void Safe_profile_names_are_accepted(string name) => Assert.Equal(name, ProfileName.Validate(name));

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("has space")]
    public void Unsafe_profile_names_are_refused_with_what_is_allowed(string name) =>
        Assert.Contains("letters, digits", Assert.Throws<ArgumentException>(() => ProfileName.Validate(name)).Message);

    [Fact]
    public void A_second_run_of_the_same_profile_is_refused_with_the_running_one_named()
    {
        var paths = new LmsSyncPaths(_root).Profile("acme");
        using (RunLock.Acquire(paths, "acme", "run-1", DateTimeOffset.Parse("2026-11-21T10:00:00Z")))
        {
            var error = Assert.Throws<RunLockedException>(() => RunLock.Acquire(paths, "acme", "run-2", DateTimeOffset.UtcNow));
            Assert.Contains("run-1", error.Message);
            Assert.Contains("2026-11-21T10:00:00", error.Message);
            Assert.Contains(Environment.ProcessId.ToString(), error.Message);
        }
        using (RunLock.Acquire(paths, "acme", "run-3", DateTimeOffset.UtcNow)) { }
    }

    [Fact]
    public void A_lock_held_by_a_process_that_died_is_taken_over()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/flock")) return; // flock(1) holds the same kind of lock .NET takes
        var paths = new LmsSyncPaths(_root).Profile("acme");
        Directory.CreateDirectory(paths.Folder);
        using var holder = Process.Start(new ProcessStartInfo("/usr/bin/flock", new[] { "-x", "-o", paths.Lock, "sleep", "30" }))!;
        // Starting a process can take seconds on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!IsLocked(paths) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Throws<RunLockedException>(() => RunLock.Acquire(paths, "acme", "run-2", DateTimeOffset.UtcNow));

        holder.Kill(); // flock(1) itself holds the lock (-o keeps it from the child); the OS releases it when it dies
        holder.WaitForExit();
        // flock(1) locks before it forks, and its child closes the inherited descriptor only once it runs: killed in
        // between, the lock lives until the child gets to that (a moment, longer on a loaded machine).
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (IsLocked(paths) && DateTime.UtcNow < deadline) Thread.Sleep(50);

        using var taken = RunLock.Acquire(paths, "acme", "run-3", DateTimeOffset.UtcNow);
        Assert.Contains("run-3", File.ReadAllText(paths.LockOwner));
    }

    private static bool IsLocked(ProfilePaths paths)
    {
        try { using (RunLock.Acquire(paths, "probe", "probe", DateTimeOffset.UtcNow)) return false; }
        catch (RunLockedException) { return true; }
    }

    private sealed record Line(string RunId, int N);

    [Fact]
    public void A_json_lines_file_appends_and_skips_a_torn_last_line()
    {
        var file = new JsonLinesFile<Line>(Path.Combine(_root, "journal", "2026-11.jsonl"));
        file.Append(new[] { new Line("r1", 1), new Line("r1", 2) });
        File.AppendAllText(file.Path, "{\"RunId\":\"r2\",\"N\"");

        var lines = file.Read().ToList();

        Assert.Equal(new[] { 1, 2 }, lines.Select(l => l.N));
    }
    [Fact]
    public void Result_lines_written_by_hand_are_byte_for_byte_what_the_serializer_wrote_nulls_left_out_enums_by_name()
    {
        // As the run's recorder writes them: by hand (UserResultJsonConverter).
        var file = new JsonLinesFile<UserResult>(Path.Combine(_root, "runs", "r1.jsonl"), new UserResultJsonConverter());
        var time = new DateTimeOffset(2026, 11, 21, 19, 12, 56, 484, TimeSpan.FromHours(2)).AddTicks(7246);
        var results = new[]
        {
            new UserResult { RunId = "r1", Action = PlanAction.Skip, Status = ResultStatus.Skipped, Reason = "inactive \"quoted\" \\ in Salesforce\n", SalesforceId = "005D00000000002IAA", DisplayName = "太郎 山田", Time = time },
            new UserResult { RunId = "r1", Action = PlanAction.Update, Status = ResultStatus.Failure, Changes = new[] { new FieldChange("email", "a@x.example", null), new FieldChange("job_title", null, "Boss\u0001") }, LmsId = "u-1", Error = "<html>", Time = time },
            new UserResult { RunId = "r1", Action = PlanAction.Create, Status = ResultStatus.NotConfirmed, Changes = null!, Email = "e@x.example", Time = DateTimeOffset.MinValue },
        };

        file.Append(results);
        file.Append(results[0]);

        // What the file held when each line was JsonConvert.SerializeObject'ed on its own (the format readers rely on).
        var settings = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore, Converters = { new StringEnumConverter() } };
        var expected = string.Concat(results.Append(results[0]).Select(r => JsonConvert.SerializeObject(r, settings) + "\n"));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(file.Path));
        Assert.Contains("\"Action\":\"Skip\"", expected);
        Assert.DoesNotContain("\"LmsId\"", expected.Split('\n')[0]);
        Assert.Equal(new[] { PlanAction.Skip, PlanAction.Update, PlanAction.Create, PlanAction.Skip }, file.Read().Select(r => r.Action));
    }

    [Fact]
    public void A_state_file_reads_back_strictly_a_repeated_property_counting_once_with_its_last_value()
    {
        var path = Path.Combine(_root, "state.json");
        const string Link = "{\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"Origin\":\"Created\",\"LinkedAt\":\"2026-11-21T10:00:00+00:00\"}";
        File.WriteAllText(path, "{\"Version\":1,\"Links\":[" + Link + "],\"Links\":[" + Link.Replace("u-1", "u-2") + "],\"ConfigurationHash\":\"2026-01-01T00:00:00Z\"}");

        var state = StateFile.Load(path);

        Assert.Equal(new[] { "u-2" }, state.Links.Select(l => l.LmsId));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), state.Links[0].LinkedAt);
        Assert.Equal("2026-01-01T00:00:00Z", state.ConfigurationHash);

        File.WriteAllText(path, "{\"Version\":1} {\"Version\":1}");
        Assert.Contains(path, Assert.Throws<StateFileException>(() => StateFile.Load(path)).Message);
        File.WriteAllText(path, "{\"Version\":1,\"Links\":[" + Link);
        Assert.Throws<StateFileException>(() => StateFile.Load(path));
        File.WriteAllText(path, "{\"Version\":1,\"Unknown\":2}");
        Assert.Throws<StateFileException>(() => StateFile.Load(path));
    }

    [Theory]
    [InlineData("2026-11-21T16:54:49.5113788+00:00")]
    [InlineData("2026-11-21T16:54:49.508268+00:00")]
    [InlineData("2026-11-21T16:54:49.5+05:30")]
    [InlineData("2026-11-21T16:54:49-08:00")]
    [InlineData("2026-11-21T16:54:49Z")]
    [InlineData("2024-02-29T23:59:59.9999999-14:00")]
    public void State_dates_read_by_their_fixed_layout_equal_what_the_framework_parses(string text)
    {
        Assert.True(LmsSync.Core.Salesforce.Query.SalesforceDateTime.TryParseDateTime(text, out var value));
        var expected = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
        var read = LoadLastFullRun(text);
        Assert.Equal(expected, read);
        Assert.Equal(expected.Offset, read!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-02-29T10:00:00Z")] // not a leap year
    [InlineData("2026-11-21T24:00:00Z")]
    [InlineData("2026-11-21T10:00:00.Z")]
    [InlineData("2026-11-21T10:00:00+0100")]
    [InlineData("2026-11-21 10:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")] // the offset moves it before the first day
    public void Anything_off_the_fixed_layout_reads_as_the_framework_reads_it(string text)
    {
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var expected))
        {
            var read = LoadLastFullRun(text);
            Assert.Equal(expected, read);
            Assert.Equal(expected.Offset, read!.Value.Offset);
        }
        else
        {
            Assert.Throws<StateFileException>(() => LoadLastFullRun(text));
        }
    }

    private DateTimeOffset? LoadLastFullRun(string text)
    {
        var path = Path.Combine(_root, "state.json");
        File.WriteAllText(path, "{\"Version\":1,\"LastFullRun\":\"" + text + "\"}");
        return StateFile.Load(path).LastFullRun;
    }

    [Fact]
    public void State_dates_round_trip_and_a_date_that_is_not_one_is_a_state_file_error()
    {
        var path = Path.Combine(_root, "state.json");
        var linked = new DateTimeOffset(2026, 11, 21, 16, 54, 49, TimeSpan.FromHours(-5)).AddTicks(5_113_788);
        var state = new StoredState { SystemModstampWatermark = linked.AddDays(1) };
        state.Links.Add(new LmsSync.Core.Sync.Link("005000000000001AAA", "u-1", LmsSync.Core.Sync.LinkOrigin.Created, linked));
        StateFile.Save(path, state);

        var read = StateFile.Load(path);

        Assert.Equal(linked, read.Links[0].LinkedAt);
        Assert.Equal(linked.Offset, read.Links[0].LinkedAt.Offset);
        Assert.Equal(linked.AddDays(1), read.SystemModstampWatermark);
        Assert.Null(read.LastFullRun);

        // A date in another (but valid) form still reads; a non-date is refused with the path.
        File.WriteAllText(path, "{\"Version\":1,\"LastFullRun\":\"11/21/2026 10:00:00 +00:00\"}");
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), StateFile.Load(path).LastFullRun);
        File.WriteAllText(path, "{\"Version\":1,\"LastFullRun\":\"yesterday\"}");
        Assert.Contains("LastFullRun", Assert.Throws<StateFileException>(() => StateFile.Load(path)).Message);
        File.WriteAllText(path, "{\"Version\":1,\"LastFullRun\":null}");
        Assert.Null(StateFile.Load(path).LastFullRun);
    }

    [Fact]
    public void Links_are_written_one_per_line_and_read_back_as_are_links_written_fully_indented()
    {
        var path = Path.Combine(_root, "state.json");
        var state = new StoredState { ConfigurationHash = "abc" };
        state.Links.Add(new LmsSync.Core.Sync.Link("005000000000001AAA", "u-1", LmsSync.Core.Sync.LinkOrigin.Created, new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero).AddTicks(5_113_788)));
        state.Links.Add(new LmsSync.Core.Sync.Link("005000000000002AAA", "u-\"2\"", LmsSync.Core.Sync.LinkOrigin.Matched, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))));

        StateFile.Save(path, state);

        var lines = File.ReadAllLines(path);
        Assert.Contains("    {\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"Origin\":\"Created\",\"LinkedAt\":\"2026-11-21T10:00:00.5113788+00:00\"},", lines);
        Assert.Contains("    {\"SalesforceId\":\"005000000000002AAA\",\"LmsId\":\"u-\\\"2\\\"\",\"Origin\":\"Matched\",\"LinkedAt\":\"2026-01-02T03:04:05+02:00\"}", lines);
        Assert.Contains("  \"ConfigurationHash\": \"abc\",", lines);
        var read = StateFile.Load(path);
        Assert.Equal(state.Links.Select(l => (l.SalesforceId, l.LmsId, l.Origin, l.LinkedAt)), read.Links.Select(l => (l.SalesforceId, l.LmsId, l.Origin, l.LinkedAt)));

        // A state written before (every property on its own line) reads the same.
        File.WriteAllText(path, Newtonsoft.Json.JsonConvert.SerializeObject(state, new Newtonsoft.Json.JsonSerializerSettings
        {
            Formatting = Newtonsoft.Json.Formatting.Indented,
            NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore,
            Converters = { new Newtonsoft.Json.Converters.StringEnumConverter() },
        }));
        var old = StateFile.Load(path);
        Assert.Equal(state.Links.Select(l => (l.SalesforceId, l.LmsId, l.Origin, l.LinkedAt)), old.Links.Select(l => (l.SalesforceId, l.LmsId, l.Origin, l.LinkedAt)));
        Assert.Equal("abc", old.ConfigurationHash);
    }

    [Fact]
    public void The_header_a_run_chooses_its_read_by_is_written_before_the_links_and_read_without_them()
    {
        var path = Path.Combine(_root, "state.json");
        var state = new StoredState
        {
            SystemModstampWatermark = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero),
            LastFullRun = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.FromHours(1)),
            ConfigurationHash = "abc",
            GroupMemberships = new Dictionary<string, string> { ["005000000000001AAA"] = "h1" },
        };
        state.ManagedGroupNames.Add("Sales");
        state.LastRuns.Add(new StoredRun { RunId = "r1", Status = "Succeeded" });
        state.Links.Add(new LmsSync.Core.Sync.Link("005000000000001AAA", "u-1", LmsSync.Core.Sync.LinkOrigin.Created, state.LastFullRun.Value));
        StateFile.Save(path, state);

        var text = File.ReadAllText(path);
        Assert.True(text.IndexOf("\"LastRuns\"", StringComparison.Ordinal) < text.IndexOf("\"Links\"", StringComparison.Ordinal));
        Assert.EndsWith("]\n}", text.Replace("\r\n", "\n").TrimEnd());
        var header = StateFile.LoadHeader(path)!;
        Assert.Equal((state.SystemModstampWatermark, state.LastFullRun, "abc"), (header.SystemModstampWatermark, header.LastFullRun, header.ConfigurationHash));
        Assert.Equal("h1", header.GroupMemberships!["005000000000001AAA"]);
        // Only what a read is chosen by: the other lists are left to the whole load.
        Assert.Empty(header.LastRuns);
        Assert.Empty(header.ManagedGroupNames);
        Assert.Empty(header.Links);
        Assert.Single(StateFile.Load(path).Links);

        // Written with the links first (before this layout), missing, or not JSON: only the whole load can tell.
        File.WriteAllText(path, "{\"Version\":1,\"Links\":[],\"ManagedGroupIds\":[],\"ManagedGroupNames\":[],\"CreatedDepartmentIds\":[],\"ConfigurationHash\":\"abc\",\"LastRuns\":[]}");
        Assert.Null(StateFile.LoadHeader(path));
        Assert.Equal("abc", StateFile.Load(path).ConfigurationHash);
        Assert.Null(StateFile.LoadHeader(Path.Combine(_root, "missing.json")));
        File.WriteAllText(path, "{\"Version\":1,\"LastRuns\":[],\"ConfigurationHash\":");
        Assert.Null(StateFile.LoadHeader(path));
        File.WriteAllText(path, "{\"Version\":2,\"LastRuns\":[],\"Links\":[]}");
        Assert.Null(StateFile.LoadHeader(path));
        // Anything unexpected there (a name, a value's type, a date) is left to the whole load too, which says what is wrong or reads it as it always did.
        foreach (var odd in new[] { "\"Extra\":1,", "\"ConfigurationHash\":5,", "\"LastFullRun\":\"soon\",", "\"GroupMemberships\":{\"005\":[]},", "\"ManagedGroupIds\":{}," })
        {
            File.WriteAllText(path, "{\"Version\":1," + odd + "\"LastRuns\":[],\"Links\":[]}");
            Assert.Null(StateFile.LoadHeader(path));
        }
        File.WriteAllText(path, "{\"Version\":1,\"GroupMemberships\":null,\"LastFullRun\":null,\"LastRuns\":[{\"RunId\":\"r\"}],\"Links\":[]}");
        Assert.Null(StateFile.LoadHeader(path)!.GroupMemberships);
    }

    [Fact]
    public void Each_link_line_is_what_the_JSON_writer_writes_for_its_properties_dates_offsets_and_escapes_included()
    {
        var path = Path.Combine(_root, "state.json");
        var random = new Random(5);
        var state = new StoredState();
        for (var i = 0; i < 500; i++)
        {
            var date = new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay), TimeSpan.FromMinutes(15 * random.Next(-48, 57)));
            if (i % 3 == 0) date = date.AddTicks(-(date.Ticks % TimeSpan.TicksPerSecond)); // whole seconds: no fraction
            if (i % 7 == 0) date = date.AddTicks(-(date.Ticks % 10_000)); // trailing zeros in the fraction
            var lmsId = i % 50 == 0 ? "u-\\" + i + "\u00e9\u2028\t" : Guid.NewGuid().ToString();
            state.Links.Add(new LmsSync.Core.Sync.Link("005" + i.ToString("D15"), lmsId, i % 2 == 0 ? LmsSync.Core.Sync.LinkOrigin.Created : LmsSync.Core.Sync.LinkOrigin.Matched, date));
        }

        StateFile.Save(path, state);

        var written = File.ReadAllLines(path).Where(l => l.StartsWith("    {\"SalesforceId\"", StringComparison.Ordinal)).Select(l => l.Trim().TrimEnd(',')).ToList();
        var expected = state.Links.Select(l => JsonConvert.SerializeObject(new { l.SalesforceId, l.LmsId, Origin = l.Origin.ToString(), l.LinkedAt })).ToList();
        Assert.Equal(expected, written);
        Assert.Equal(state.Links.Select(l => (l.LmsId, l.LinkedAt, l.LinkedAt.Offset)), StateFile.Load(path).Links.Select(l => (l.LmsId, l.LinkedAt, l.LinkedAt.Offset)));
    }

    [Fact]
    public void A_link_is_read_as_strictly_as_before_names_in_any_case_the_last_of_a_repeated_property_and_unknown_or_missing_members_refused()
    {
        var path = Path.Combine(_root, "state.json");
        File.WriteAllText(path, "{\"Version\":1,\"Links\":[{\"salesforceid\":\"005000000000001AAA\",\"LMSID\":\"u-0\",\"LmsId\":\"u-1\",\"Origin\":1,\"LinkedAt\":\"2026-11-21T10:00:00Z\"}," +
                                "{\"SalesforceId\":\"005000000000002AAA\",\"LmsId\":\"u-2\",\"Origin\":\"created\"}]}");

        var links = StateFile.Load(path).Links;

        Assert.Equal(("005000000000001AAA", "u-1", LmsSync.Core.Sync.LinkOrigin.Matched), (links[0].SalesforceId, links[0].LmsId, links[0].Origin));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), links[0].LinkedAt);
        Assert.Equal((LmsSync.Core.Sync.LinkOrigin.Created, default(DateTimeOffset)), (links[1].Origin, links[1].LinkedAt));

        foreach (var bad in new[]
                 {
                     "{\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"Extra\":1}",
                     "{\"SalesforceId\":\"005000000000001AAA\"}",
                     "{\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"Origin\":\"Guessed\"}",
                     "{\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"Origin\":4294967297}",
                     "{\"SalesforceId\":\"005000000000001AAA\",\"LmsId\":\"u-1\",\"LinkedAt\":\"soon\"}",
                     "{\"SalesforceId\":[],\"LmsId\":\"u-1\"}",
                     "\"005000000000001AAA\"",
                 })
        {
            File.WriteAllText(path, "{\"Version\":1,\"Links\":[" + bad + "]}");
            Assert.Throws<StateFileException>(() => StateFile.Load(path));
        }
    }
}
