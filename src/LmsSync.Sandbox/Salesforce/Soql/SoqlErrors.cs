using System;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// Builds query errors in Salesforce's shape: the offending line of the query, a caret under the
/// offending token, "ERROR at Row:r:Column:c" (both 1-based), then the reason.
/// </summary>
internal static class SoqlErrors
{
    public const string Malformed = "MALFORMED_QUERY";
    public const string InvalidField = "INVALID_FIELD";
    public const string InvalidType = "INVALID_TYPE";
    public const string InvalidOperator = "INVALID_QUERY_FILTER_OPERATOR";
    public const string OutOfRange = "NUMBER_OUTSIDE_VALID_RANGE";

    public static SoqlException At(string errorCode, string soql, int position, string reason)
    {
        var before = Math.Min(position, soql.Length);
        var lineStart = before == 0 ? 0 : soql.LastIndexOf('\n', before - 1) + 1;

        var lineEnd = soql.IndexOf('\n', lineStart);
        var line = soql[lineStart..(lineEnd < 0 ? soql.Length : lineEnd)].TrimEnd('\r');
        var row = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (soql[i] == '\n')
            {
                row++;
            }
        }

        var column = position - lineStart + 1;
        return new SoqlException(errorCode, $"\n{line}\n{new string(' ', column - 1)}^\nERROR at Row:{row}:Column:{column}\n{reason}");
    }

    public static SoqlException UnexpectedToken(string soql, SoqlToken token) =>
        At(Malformed, soql, token.Position, $"unexpected token: '{token.Text}'");

    public static SoqlException NoSuchColumn(string soql, int position, string field, string entity) =>
        At(InvalidField, soql, position,
            $"No such column '{field}' on entity '{entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");

    public static SoqlException BadRelationship(string soql, int position, string relationship) =>
        At(InvalidField, soql, position,
            $"Didn't understand relationship '{relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.");

    public static SoqlException UnknownObject(string soql, int position, string objectName) =>
        At(InvalidType, soql, position,
            $"sObject type '{objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
}
