namespace LmsSync.Sandbox.Salesforce.Admin;

/// <summary>Path patterns (for fault rules) of the Salesforce routes worth breaking.</summary>
public static class SalesforceRoutes
{
    public const string Token = "^/services/oauth2/token";
    /// <summary>The first page of a query or queryAll.</summary>
    public const string Query = @"^/services/data/v\d+\.\d+/query(All)?/?(\?|$)";
    /// <summary>Later pages (nextRecordsUrl).</summary>
    public const string QueryMore = @"^/services/data/v\d+\.\d+/query(All)?/01g";
    public const string AnyQuery = @"^/services/data/v\d+\.\d+/query(All)?(/|\?|$)";
    /// <summary>Bulk 2.0 query jobs: create, status, abort, delete, results.</summary>
    public const string BulkQuery = @"^/services/data/v\d+\.\d+/jobs/query";
    /// <summary>Bulk 2.0 result pages.</summary>
    public const string BulkResults = @"^/services/data/v\d+\.\d+/jobs/query/[^/]+/results";
    public const string Describe = @"^/services/data/v\d+\.\d+/sobjects";
    public const string Limits = @"^/services/data/v\d+\.\d+/limits";
    /// <summary>Any versioned REST call.</summary>
    public const string Rest = @"^/services/data/v\d+\.\d+";
    public const string Any = "^/services/";

    /// <summary>A route name as the admin API takes it (token, query, queryMore, anyQuery, bulkQuery, bulkResults, describe, limits, rest, any) → pattern; null when unknown.</summary>
    public static string? ByName(string? name) => name?.ToLowerInvariant() switch
    {
        "token" => Token,
        "query" => Query,
        "querymore" => QueryMore,
        "anyquery" => AnyQuery,
        "bulkquery" => BulkQuery,
        "bulkresults" => BulkResults,
        "describe" => Describe,
        "limits" => Limits,
        null or "rest" => Rest,
        "any" => Any,
        _ => null,
    };
}
