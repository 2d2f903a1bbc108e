namespace LmsSync.Core.Salesforce.Api
{
    /// <summary>What to do about each REST errorCode (reference §7.3).</summary>
    internal static class ApiErrorAdvice
    {
        public static string For(string errorCode, int status)
        {
            switch (errorCode)
            {
                case "INVALID_FIELD":
                    return "A selected field does not exist on this org or is hidden from the integration user by field-level security. Check the field names in the mapping and rules, or grant the user read access to the field.";
                case "MALFORMED_QUERY":
                    return "The SOQL is not valid. If it came from a WHERE filter you gave, correct that filter (strings in single quotes, datetimes unquoted like 2026-01-31T00:00:00Z).";
                case "INVALID_TYPE":
                    return "The object does not exist in this org or the integration user cannot see it. Check the object name and the user's profile or permission sets.";
                case "INVALID_QUERY_FILTER_OPERATOR":
                    return "An operator in the WHERE filter does not suit the field's type (e.g. LIKE on a number, or a filter on a non-filterable field). Correct the filter.";
                case "API_DISABLED_FOR_ORG":
                    return "This org's edition has no API access (e.g. Professional Edition without the API add-on). Ask Salesforce to enable the API.";
                case "API_CURRENTLY_DISABLED":
                    return "The integration user lacks the 'API Enabled' permission. Grant it through the user's profile or a permission set.";
                case "INSUFFICIENT_ACCESS":
                case "INSUFFICIENT_ACCESS_OR_READONLY":
                    return "The integration user lacks a permission this call needs. Grant it through a permission set (e.g. 'View All Users' to read every user).";
                case "QUERY_TIMEOUT":
                    return "Salesforce stopped the query after running too long. Narrow the WHERE filter to indexed fields (Id, SystemModstamp, Email) and try again.";
                case "INVALID_QUERY_LOCATOR":
                    return "Salesforce dropped the query cursor (it expired, or more than 10 cursors were open for this user). Run the read again, with fewer parallel queries.";
                case "NOT_FOUND":
                    return "The resource does not exist; check the API version (the org may not have it yet) and the object name.";
                case "SERVER_UNAVAILABLE":
                case "UNKNOWN_EXCEPTION":
                    return "Salesforce had an internal problem (the request was already retried). Try again later; check https://status.salesforce.com.";
                case "REQUEST_LIMIT_EXCEEDED":
                    return "The org's API request limit is used up.";
            }
            if (status >= 500) return "Salesforce had a problem answering (the request was already retried). Try again later; check https://status.salesforce.com.";
            return "";
        }
    }
}
