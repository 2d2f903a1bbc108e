using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// A user as a <c>/users/v2</c> page showed it, kept as UTF-8 JSON with the user so the next page holding it copies
/// the bytes instead of copying the user and writing its JSON again. A dry run lists all 100,000 users of the
/// benchmark on the same two cores as the client being measured (a real account renders on its own servers).
/// </summary>
internal sealed class ISpringRendering(long writes, ISpringFieldsShape shape, byte[] json)
{
    /// <summary>The store's write count when it was made: any write since (of anything) makes it stale.</summary>
    public long Writes { get; } = writes;
    public ISpringFieldsShape Shape { get; } = shape;
    public byte[] Json { get; } = json;
}

/// <summary>A user of a list page: its paging cursor and its JSON.</summary>
internal sealed record ISpringListedUser(long Sequence, byte[] Json);

public sealed partial class ISpringStore
{
    /// <summary>
    /// Goes up with every write, under the write lock (<see cref="Writing"/>). A kept rendering is used only while it is
    /// the count it was made at: a user's JSON shows its record, its groups (any membership change) and nothing else
    /// the store holds, so any write at all is a safe, if wide, reason to render again; a dry run makes none.
    /// </summary>
    private long _writes;

    /// <summary>
    /// <see cref="ListUsers"/> as the JSON of each user, rendered under the read lock from the stored user (no copy) or
    /// taken from what an earlier page kept (<see cref="ISpringUserRecord.Listed"/>). Reads run at once: each keeps
    /// the rendering it made, the same bytes from the same state.
    /// </summary>
    internal IReadOnlyList<ISpringListedUser> ListUsersRendered(ISpringUserFilter filter, long after, int take, ISpringFieldsShape shape, out bool more) =>
        ListPage(filter, after, take, (u, groups) => new ISpringListedUser(u.Sequence, Rendered(u, groups, shape)), out more);

    private byte[] Rendered(ISpringUserRecord user, Dictionary<string, List<string>> groups, ISpringFieldsShape shape)
    {
        if (user.Listed is { } kept && kept.Writes == _writes && kept.Shape == shape) return kept.Json;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
            ISpringJson.WriteUser(writer, new ISpringUserView(user, groups.TryGetValue(user.UserId, out var ids) ? ids : new List<string>()), shape);
        var json = buffer.WrittenSpan.ToArray();
        user.Listed = new ISpringRendering(_writes, shape, json);
        return json;
    }
}
