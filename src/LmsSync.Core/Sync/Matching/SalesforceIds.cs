using System;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Salesforce Ids come as 15 case-sensitive characters or 18 (the same 15 plus a case checksum).
    /// The first 15 characters identify the record, so they are the key everywhere ids are compared.
    /// </summary>
    public static class SalesforceIds
    {
        public static string Key(string id)
        {
            var trimmed = id.Trim();
            return trimmed.Length == 18 ? trimmed.Substring(0, 15) : trimmed;
        }

        public static bool Same(string? left, string? right) =>
            left != null && right != null && string.Equals(Key(left), Key(right), StringComparison.Ordinal);
    }
}
