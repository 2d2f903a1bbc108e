using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Scheduling;

namespace LmsSync.Core.Tests.Scheduling;

public sealed class CrontabTests : IDisposable
{
    private const string Others = "MAILTO=ops@example.com\r\n# keep me   \n*/5 * * * * /usr/bin/backup --quiet\n\n0 3 * * 0 echo '%weekly\\%'\n";

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-cron-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Block(string trigger = "window", string task = "acme") =>
        CrontabBlock.Render(new ScheduleDefinition(task, "acme", ScheduleFixtures.Triggers[trigger], ScheduleFixtures.Unix(trigger).Command));

    [Fact]
    public void The_block_is_one_line_per_group_of_hours_that_share_their_minutes()
    {
        var lines = Block().Split('\n');
        Assert.Equal("# BEGIN LmsSync acme", lines[0]);
        Assert.StartsWith("# LmsSync-Schedule: task=acme; profile=acme; trigger=every 45m 08:00-18:00", lines[1]);
        Assert.StartsWith("0,45 8,11,14,17 * * * ", lines[2]);
        Assert.StartsWith("30 9,12,15 * * * ", lines[3]);
        Assert.StartsWith("15 10,13,16 * * * ", lines[4]);
        Assert.Equal("# END LmsSync acme", lines[5]);
    }

    [Theory]
    [InlineData(60, "08:00", "18:00", "0 8-18 * * *")]
    [InlineData(30, "00:00", "24:00", "0,30 * * * *")]
    [InlineData(1, "00:00", "24:00", "* * * * *")]
    [InlineData(20, "09:10", "10:00", "10,30,50 9 * * *")]
    [InlineData(90, "08:00", "11:00", "0 8,11 * * *|30 9 * * *")]
    [InlineData(15, "23:15", "24:00", "15,30,45 23 * * *")]
    public void Interval_edges_become_the_exact_cron_minute_and_hour_fields(int minutes, string start, string stop, string expected)
    {
        var trigger = ScheduleTrigger.Interval(minutes, TimeOfDay.Parse(start), TimeOfDay.Parse(stop));
        var fields = HourGroups.Of(trigger).Select(g => HourGroups.FormatList(g.Minutes, 60, "-") + " " + HourGroups.FormatList(g.Hours, 24, "-") + " * * *");
        Assert.Equal(expected.Split('|'), fields);
    }

    [Fact]
    public void Days_of_week_use_cron_numbers_from_Sunday_0()
    {
        Assert.Contains(" * * 0,6 ", Block("daily-weekend"));
        Assert.Contains(" * * 1-5 ", Block("window-weekdays"));
    }

    [Fact]
    public void Registering_twice_leaves_one_block_in_place_and_other_lines_untouched()
    {
        var once = CrontabText.WithBlock(Others, "acme", Block());
        var twice = CrontabText.WithBlock(once, "acme", Block("daily"));

        Assert.Equal(1, Count(twice, "# BEGIN LmsSync acme"));
        Assert.Equal(Others + Block("daily"), twice);
    }

    [Fact]
    public void Replacing_keeps_the_blocks_place_among_other_lines()
    {
        var crontab = "A\n" + Block() + "B\n";
        Assert.Equal("A\n" + Block("daily") + "B\n", CrontabText.WithBlock(crontab, "acme", Block("daily")));
    }

    [Fact]
    public void Removal_leaves_every_other_byte_identical()
    {
        var withBlocks = CrontabText.WithBlock(CrontabText.WithBlock(Others, "acme", Block()), "other", Block("daily", "other"));
        var removed = CrontabText.WithoutBlock(withBlocks, "acme");
        Assert.Equal(Others + Block("daily", "other"), removed);
        Assert.Equal(Others, CrontabText.WithoutBlock(removed, "other"));
    }

    [Fact]
    public void Copies_of_a_block_pasted_twice_by_hand_collapse_into_one()
    {
        var crontab = Block() + "X\n" + Block();
        Assert.Equal(Block("daily") + "X\n", CrontabText.WithBlock(crontab, "acme", Block("daily")));
    }

    [Fact]
    public void A_block_of_a_similarly_named_task_is_not_touched()
    {
        var crontab = Block("daily", "acme2");
        Assert.Equal(crontab + Block(), CrontabText.WithBlock(crontab, "acme", Block()));
        Assert.False(CrontabText.HasBlock(crontab, "acme"));
    }

    [Fact]
    public void A_crontab_without_a_final_newline_gets_one_before_the_block()
    {
        Assert.Equal("A\n" + Block(), CrontabText.WithBlock("A", "acme", Block()));
    }

    [Fact]
    public void A_begin_marker_without_its_end_is_refused_rather_than_guessed()
    {
        var error = Assert.Throws<ScheduleException>(() => CrontabText.WithBlock("# BEGIN LmsSync acme\nA\n", "acme", Block()));
        Assert.Contains("crontab -e", error.Message);
    }

    [Fact]
    public async Task A_real_registration_into_a_crontab_file_reads_back_and_is_removed_cleanly()
    {
        var path = Path.Combine(_folder, "crontab");
        File.WriteAllText(path, Others);
        var cron = new CronScheduler(new CrontabFile(path));
        var definition = ScheduleFixtures.Unix("window-weekdays");

        await cron.RegisterAsync(definition, null, CancellationToken.None);
        await cron.RegisterAsync(definition, null, CancellationToken.None);
        var found = await cron.ListAsync(CancellationToken.None);

        Assert.Equal(Others + CrontabBlock.Render(definition), File.ReadAllText(path));
        var tag = Assert.Single(found).Tag;
        Assert.Equal(("acme", "acme", "every 45m 08:00-18:00 on Mon,Tue,Wed,Thu,Fri"), (tag.TaskName, tag.Profile, tag.Trigger.ToString()));

        Assert.True(await cron.UnregisterAsync("acme", CancellationToken.None));
        Assert.Equal(Others, File.ReadAllText(path));
        Assert.False(await cron.UnregisterAsync("acme", CancellationToken.None));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_crontab_program_path_lists_and_installs_through_a_fake_crontab_binary()
    {
        // A stand-in for crontab(1): "-l" prints the stored table or says "no crontab for"; "-" stores stdin.
        var store = Path.Combine(_folder, "table");
        var fake = Path.Combine(_folder, "crontab");
        File.WriteAllText(fake, "#!/bin/sh\nif [ \"$1\" = -l ]; then\n  if [ -f '" + store + "' ]; then cat '" + store + "'; else echo \"no crontab for $(id -un)\" >&2; exit 1; fi\nelif [ \"$1\" = - ]; then\n  cat > '" + store + "'\nelse\n  exit 2\nfi\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cron = new CronScheduler(new CrontabProgram(new ProcessCommandRunner(), fake));

        Assert.Empty(await cron.ListAsync(CancellationToken.None));
        await cron.RegisterAsync(ScheduleFixtures.Unix("daily"), null, CancellationToken.None);
        Assert.Equal(CrontabBlock.Render(ScheduleFixtures.Unix("daily")), File.ReadAllText(store));

        File.WriteAllText(store, Others + File.ReadAllText(store));
        Assert.True(await cron.UnregisterAsync("acme", CancellationToken.None));
        Assert.Equal(Others, File.ReadAllText(store));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_crontab_program_failure_other_than_no_crontab_is_an_error_with_its_own_words()
    {
        var fake = Path.Combine(_folder, "crontab");
        File.WriteAllText(fake, "#!/bin/sh\necho 'crontab: your UID isn''t in the passwd file' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var error = await Assert.ThrowsAsync<ScheduleException>(() => new CronScheduler(new CrontabProgram(new ProcessCommandRunner(), fake)).ListAsync(CancellationToken.None));
        Assert.Contains("passwd file", error.Message);
    }

    private static int Count(string text, string line) => text.Split('\n').Count(l => l == line);
}
