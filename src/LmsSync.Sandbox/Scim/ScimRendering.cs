namespace LmsSync.Sandbox.Scim;

/// <summary>
/// A user as a list page showed it, kept as UTF-8 JSON so the next page holding the user copies its bytes instead of
/// building, projecting and serializing its JSON tree again. A dry run lists all 100,000 users of the benchmark, and
/// rendering them was most of the emulator's CPU, taken from the two cores the client being measured runs on (a
/// real service renders on its own servers). Immutable: reads running at once may each make one and keep theirs.
/// </summary>
internal sealed class ScimRendering(ScimRenderKey key, byte[] utf8)
{
    public ScimRenderKey Key { get; } = key;
    public byte[] Utf8 { get; } = utf8;
}

/// <summary>
/// Everything a user's list rendering is made of besides the user's id and the fixed schema: its version (every write
/// of the user bumps it, and its data, lastModified and ETag change only with it), the groups' version (its computed
/// <c>groups</c>), the switches (the instance, replaced whole on every change), the base URL of its links, and the
/// request's projection. A kept rendering is used only while its key is the current one.
/// </summary>
internal readonly record struct ScimRenderKey(int Version, long GroupsVersion, ScimBehaviour Behaviour, string BaseUrl, string Projection);
