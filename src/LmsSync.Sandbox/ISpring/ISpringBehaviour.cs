using System.Text.Json.Serialization;

namespace LmsSync.Sandbox.ISpring;

/// <summary>How the emulator writes a user's <c>fields</c> on reads (both shapes are in evidence for the real API).</summary>
public enum ISpringFieldsShape
{
    /// <summary><c>[{"name":"EMAIL","value":"…"}]</c>, upper-case names (what Pipedream's client reads).</summary>
    Array,
    /// <summary><c>{"login":"…","email":"…","first_name":"…"}</c> (what the OpenAPI spec models).</summary>
    Object,
}

/// <summary>What <c>groupIds</c> on <c>POST /user/{id}</c> does to the user's existing groups (not stated by the vendor).</summary>
public enum ISpringGroupIdsOnUpdate
{
    /// <summary>The user is added to the listed groups and stays in the others (Pipedream's reading).</summary>
    Add,
    /// <summary>The user ends up in exactly the listed (non-smart) groups.</summary>
    Replace,
}

/// <summary>
/// Switches for the behaviours that lms-apis.md §2 marks as unknown or inferred, so a test can run the
/// connector against each reading. Defaults are the reference's best reading; <c>/__admin/ispring/behaviour</c>
/// reads and changes them.
/// </summary>
public sealed class ISpringBehaviour
{
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public ISpringFieldsShape FieldsShape { get; set; } = ISpringFieldsShape.Array;

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public ISpringGroupIdsOnUpdate GroupIdsOnUpdate { get; set; } = ISpringGroupIdsOnUpdate.Add;

    /// <summary>What an absent <c>sendLoginEmail</c> means on create (current docs: false; an older page: true).</summary>
    public bool SendLoginEmailDefault { get; set; }

    /// <summary>Access-token lifetime (the vendor documents 1800 s).</summary>
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Page size when <c>pageSize</c> is absent (documented 1000).</summary>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>Largest <c>pageSize</c> accepted; larger is a 400 (the vendor documents no maximum; inferred).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>409 for a second department with the same name under one parent, or a second group of one name (inferred).</summary>
    public bool RejectDuplicateNames { get; set; } = true;

    public ISpringBehaviour Copy() => (ISpringBehaviour)MemberwiseClone();
}
