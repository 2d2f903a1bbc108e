using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// A write the org refuses, with the errorCode and message Salesforce would put in the REST error
/// body (<c>[{"message":…,"errorCode":…,"fields":[…]}]</c>).
/// </summary>
public sealed class SfOrgException : Exception
{
    public SfOrgException(string errorCode, string message, IReadOnlyList<string>? fields = null)
        : base(message)
    {
        ErrorCode = errorCode;
        Fields = fields ?? Array.Empty<string>();
    }

    public string ErrorCode { get; }

    /// <summary>The fields the error is about, for the error body's <c>fields</c> array.</summary>
    public IReadOnlyList<string> Fields { get; }

    internal static SfOrgException UnknownObject(string objectName) =>
        new("INVALID_TYPE", $"sObject type '{objectName}' is not supported.");

    internal static SfOrgException NotFound() =>
        new("NOT_FOUND", "The requested resource does not exist");

    internal static SfOrgException MalformedId(string id) =>
        new("MALFORMED_ID", $"malformed id {id}");

    internal static SfOrgException Deleted() =>
        new("ENTITY_IS_DELETED", "entity is deleted");
}
