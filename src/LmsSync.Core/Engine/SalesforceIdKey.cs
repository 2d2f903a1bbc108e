namespace LmsSync.Core.Engine
{
    /// <summary>Salesforce ids compare by their first 15 characters (the 18-character form only adds a case checksum).</summary>
    internal static class SalesforceIdKey
    {
        public static string Of(string id) => id.Length > 15 ? id.Substring(0, 15) : id;
    }
}
