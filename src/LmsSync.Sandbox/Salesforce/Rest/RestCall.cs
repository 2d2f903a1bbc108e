using LmsSync.Sandbox.Salesforce.Auth;
using Microsoft.AspNetCore.Http;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>An authenticated, counted REST request: the HTTP exchange, the API version asked for (<c>66.0</c>) and the session.</summary>
internal sealed record RestCall(HttpContext Http, string Version, IssuedToken Session)
{
    /// <summary>The version's path prefix, <c>/services/data/v66.0</c>.</summary>
    public string BasePath => "/services/data/v" + Version;
}
