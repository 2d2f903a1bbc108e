using System;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// An RFC 7644 §3.12 error the emulator answers with: HTTP status, <c>scimType</c> (400 and 409 only), <c>detail</c>.
/// Thrown anywhere in request handling; the routes turn it into the error body.
/// </summary>
internal sealed class ScimError(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;
    public string Detail { get; } = detail;

    public static ScimError InvalidFilter(string detail) => new(400, "invalidFilter", detail);
    public static ScimError InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);
    public static ScimError InvalidPath(string detail) => new(400, "invalidPath", detail);
    public static ScimError InvalidValue(string detail) => new(400, "invalidValue", detail);
    public static ScimError NoTarget(string detail) => new(400, "noTarget", detail);
    public static ScimError Mutability(string detail) => new(400, "mutability", detail);
    public static ScimError Uniqueness(string detail) => new(409, "uniqueness", detail);
    public static ScimError TooMany(string detail) => new(400, "tooMany", detail);
    public static ScimError NotFound(string detail) => new(404, null, detail);
    public static ScimError PreconditionFailed(string detail) => new(412, null, detail);
    public static ScimError PayloadTooLarge(string detail) => new(413, null, detail);
}
