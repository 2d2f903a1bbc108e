using System;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// A query Salesforce would reject. <see cref="Exception.Message"/> is Salesforce's own message
/// text (caret framing included where Salesforce gives one), ready for the REST error body.
/// </summary>
public sealed class SoqlException : Exception
{
    public SoqlException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE, INVALID_QUERY_FILTER_OPERATOR or NUMBER_OUTSIDE_VALID_RANGE.</summary>
    public string ErrorCode { get; }
}
