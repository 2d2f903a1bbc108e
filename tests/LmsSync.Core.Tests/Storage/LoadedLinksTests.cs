using System;
using System.IO;
using System.Linq;
using System.Text;
using LmsSync.Core.Engine;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using Xunit;

namespace LmsSync.Core.Tests.Storage;

/// <summary>
/// A run that changes no link saves the state with the link lines copied from the file it loaded (<see cref="LoadedLinks"/>);
/// any change to the links, to the file since it was loaded, or a file with other line ends, has them written as always.
/// A date the reader accepts in a form the writer never writes ("Z" for "+00:00") tells which way a file was saved.
/// </summary>
public sealed class LoadedLinksTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private const string Written = "2026-03-04T05:06:07+00:00";
    private const string HandWritten = "2026-03-04T05:06:07Z";

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "lmssync-loadedlinks-" + Guid.NewGuid().ToString("N"))).FullName;
    private string StatePath => Path.Combine(_root, "state.json");

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void A_save_of_the_links_as_loaded_copies_their_lines_with_the_header_written_anew()
    {
        WriteHandEdited(StatePath, Environment.NewLine);
        var book = new StateBook(StateFile.Load(StatePath));
        book.ConfigurationApplied("after");
        StateFile.Save(StatePath, book.Snapshot());

        var text = File.ReadAllText(StatePath);
        Assert.Contains(HandWritten, text);
        Assert.DoesNotContain(Written, text);
        var saved = StateFile.Load(StatePath);
        Assert.Equal("after", saved.ConfigurationHash);
        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, saved.Links.Select(l => l.LmsId));
        Assert.All(saved.Links, l => Assert.Equal(At, l.LinkedAt));

        // Copied lines are the lines the writer writes, for a file it wrote: the same bytes as a save that writes them.
        var loaded = StateFile.Load(StatePath);
        StateFile.Save(StatePath, Plain(loaded));
        var expected = File.ReadAllBytes(StatePath);
        StateFile.Save(StatePath, new StateBook(StateFile.Load(StatePath)).Snapshot());
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(File.ReadAllBytes(StatePath)));
    }

    [Fact]
    public void Links_changed_since_the_load_are_written()
    {
        WriteHandEdited(StatePath, Environment.NewLine);
        var linked = new StateBook(StateFile.Load(StatePath));
        linked.Link("005000000000004AAA", "u-4", LinkOrigin.Created, At);
        StateFile.Save(StatePath, linked.Snapshot());
        Assert.DoesNotContain(HandWritten, File.ReadAllText(StatePath));
        Assert.Equal(4, StateFile.Load(StatePath).Links.Count);

        WriteHandEdited(StatePath, Environment.NewLine);
        var dropped = new StateBook(StateFile.Load(StatePath));
        dropped.DropStale(new[] { new Link("005000000000002AAA", "u-2", LinkOrigin.Matched, At) });
        StateFile.Save(StatePath, dropped.Snapshot());
        Assert.DoesNotContain(HandWritten, File.ReadAllText(StatePath));
        Assert.Equal(new[] { "u-1", "u-3" }, StateFile.Load(StatePath).Links.Select(l => l.LmsId));

        // A link replaced between the first and the last: as many links, the same at both ends.
        WriteHandEdited(StatePath, Environment.NewLine);
        var relinked = new StateBook(StateFile.Load(StatePath));
        relinked.Link("005000000000002AAA", "u-new", LinkOrigin.Created, At);
        StateFile.Save(StatePath, relinked.Snapshot());
        Assert.DoesNotContain(HandWritten, File.ReadAllText(StatePath));
        Assert.Equal(new[] { "u-1", "u-new", "u-3" }, StateFile.Load(StatePath).Links.Select(l => l.LmsId));

        // Relinking a person to the LMS user it already has changes nothing.
        WriteHandEdited(StatePath, Environment.NewLine);
        var same = new StateBook(StateFile.Load(StatePath));
        same.Link("005000000000002AAA", "u-2", LinkOrigin.Matched, At);
        same.DropStale(Array.Empty<Link>());
        StateFile.Save(StatePath, same.Snapshot());
        Assert.Contains(HandWritten, File.ReadAllText(StatePath));
    }

    [Fact]
    public void A_file_changed_since_the_load_or_gone_is_not_copied_from()
    {
        WriteHandEdited(StatePath, Environment.NewLine);
        var book = new StateBook(StateFile.Load(StatePath));
        // Another writer replaced the file meanwhile (by hand, or a save of another state): its lines are not the links.
        var other = new StoredState();
        other.Links.Add(new Link("005000000000009AAA", "u-9", LinkOrigin.Created, At));
        StateFile.Save(StatePath, other);
        StateFile.Save(StatePath, book.Snapshot());
        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, StateFile.Load(StatePath).Links.Select(l => l.LmsId));
        Assert.DoesNotContain(HandWritten, File.ReadAllText(StatePath));

        WriteHandEdited(StatePath, Environment.NewLine);
        var moved = new StateBook(StateFile.Load(StatePath));
        File.Delete(StatePath);
        StateFile.Save(StatePath, moved.Snapshot());
        Assert.Equal(new[] { "u-1", "u-2", "u-3" }, StateFile.Load(StatePath).Links.Select(l => l.LmsId));

        // Saved elsewhere, the links are written (the copy is only ever from the file to itself).
        WriteHandEdited(StatePath, Environment.NewLine);
        var elsewhere = Path.Combine(_root, "copy.json");
        StateFile.Save(elsewhere, new StateBook(StateFile.Load(StatePath)).Snapshot());
        Assert.DoesNotContain(HandWritten, File.ReadAllText(elsewhere));
    }

    [Fact]
    public void Lines_with_other_line_ends_than_the_writers_are_written_again()
    {
        var other = Environment.NewLine == "\n" ? "\r\n" : "\n";
        WriteHandEdited(StatePath, other);
        StateFile.Save(StatePath, new StateBook(StateFile.Load(StatePath)).Snapshot());
        var text = File.ReadAllText(StatePath);
        Assert.DoesNotContain(HandWritten, text);
        Assert.Equal(Environment.NewLine == "\n" ? 0 : text.Split('\n').Length - 1, text.Count(c => c == '\r'));
    }

    /// <summary>A state of three links saved, then its dates edited by hand to a form the reader reads and the writer never writes.</summary>
    private static void WriteHandEdited(string path, string newLine)
    {
        var state = new StoredState { ConfigurationHash = "before" };
        for (var n = 1; n <= 3; n++) state.Links.Add(new Link("00500000000000" + n + "AAA", "u-" + n, LinkOrigin.Matched, At));
        StateFile.Save(path, state);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Contains(Written, text);
        File.WriteAllText(path, text.Replace(Written, HandWritten).Replace("\n", newLine), new UTF8Encoding(false));
    }

    /// <summary>The same state with nothing remembered of the file it came from.</summary>
    private static StoredState Plain(StoredState state)
    {
        state.LoadedLinks = null;
        return state;
    }
}
