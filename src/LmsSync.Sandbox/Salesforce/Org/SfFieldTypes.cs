namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>The describe type names the emulator uses, and the families SOQL treats alike.</summary>
public static class SfFieldTypes
{
    public const string Id = "id";
    public const string String = "string";
    public const string Boolean = "boolean";
    public const string Reference = "reference";
    public const string Picklist = "picklist";
    public const string MultiPicklist = "multipicklist";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Url = "url";
    public const string TextArea = "textarea";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string Int = "int";
    public const string Double = "double";
    public const string Currency = "currency";

    /// <summary>Text compared case-insensitively and written as a JSON string.</summary>
    public static bool IsText(string type) =>
        type is String or Picklist or MultiPicklist or Email or Phone or Url or TextArea;

    /// <summary>18-character record ids (the Id field and lookups).</summary>
    public static bool IsIdLike(string type) => type is Id or Reference;

    public static bool IsNumber(string type) => type is Int or Double or Currency;
}
