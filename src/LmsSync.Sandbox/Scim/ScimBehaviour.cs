namespace LmsSync.Sandbox.Scim;

/// <summary>When the emulator "sends" a welcome email for a created user (SCIM has no standard switch).</summary>
public enum ScimWelcomeEmailMode
{
    /// <summary>Never: the service provisions silently (what most SCIM services do; the default).</summary>
    Silent,
    /// <summary>On every create.</summary>
    OnCreate,
    /// <summary>Only when the create sets the vendor attribute <c>urn:lmssync:params:scim:schemas:extension:welcome:2.0:User:sendWelcomeEmail</c> to true.</summary>
    Attribute,
}

/// <summary>
/// The emulator's switches: what it advertises at <c>/ServiceProviderConfig</c>, and the vendor quirks of
/// lms-apis.md §3.2 it can emit. Defaults are a strict RFC 7643/7644 service. Read and changed at
/// <c>GET/POST /__admin/scim/behaviour</c> (POST takes any subset of these properties).
/// </summary>
public sealed class ScimBehaviour
{
    /// <summary>Advertise and honour ETags: <c>ETag</c> header, <c>meta.version</c>, If-Match → 412 on mismatch, If-None-Match → 304.</summary>
    public bool EtagSupported { get; set; } = true;

    /// <summary>Advertise ETag support and keep <c>meta.version</c>, but send no <c>ETag</c> header (a quirk).</summary>
    public bool OmitETagHeader { get; set; }

    public bool BulkSupported { get; set; } = true;
    public int BulkMaxOperations { get; set; } = 100;
    public int BulkMaxPayloadSize { get; set; } = 1_048_576;

    /// <summary><c>filter.maxResults</c>: the most resources one list answer holds.</summary>
    public int FilterMaxResults { get; set; } = 200;

    /// <summary>The most resources a page holds whatever <c>count</c> asks (a service may return fewer than asked).</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Accept PATCH <c>op</c> in any case (<c>Replace</c>, <c>Add</c>), as Entra-tolerant services do. Off: only lower case.</summary>
    public bool AcceptPascalCaseOps { get; set; }

    /// <summary>Return <c>active</c> as the string "True"/"False" (Entra ID's legacy form).</summary>
    public bool ActiveAsString { get; set; }

    /// <summary>Answer 409 as an RFC 7807 <c>application/problem+json</c> body instead of a SCIM error.</summary>
    public bool ProblemJsonConflicts { get; set; }

    /// <summary>Answer a successful PATCH with 204 and no body instead of 200 with the resource.</summary>
    public bool PatchReturnsNoContent { get; set; }

    /// <summary>Send <c>Location</c> on 201 without the new id (<c>…/Users</c>).</summary>
    public bool LocationWithoutId { get; set; }

    /// <summary>Answer with <c>Content-Type: application/json</c> instead of <c>application/scim+json</c>.</summary>
    public bool PlainJsonContentType { get; set; }

    /// <summary>Refuse <c>{"op":"replace","path":"active",…}</c> (400 invalidPath): only the path-less form sets active (GitHub's way).</summary>
    public bool PathlessActiveOnly { get; set; }

    /// <summary>
    /// Answer a list that names <c>attributes</c> or <c>excludedAttributes</c> with 400 invalidValue, as a service
    /// does that has no projection, or not one of the attributes named (an extension it lacks).
    /// </summary>
    public bool RefuseListProjection { get; set; }

    public ScimWelcomeEmailMode WelcomeEmail { get; set; } = ScimWelcomeEmailMode.Silent;

    /// <summary>The bearer token stops working this many seconds (emulator clock) after it was issued; null = never.</summary>
    public int? TokenLifetimeSeconds { get; set; }

    public ScimBehaviour Copy() => (ScimBehaviour)MemberwiseClone();
}
