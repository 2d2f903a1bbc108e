using System;
using System.Text.Json.Nodes;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// iSpring Learn REST API v3 under <c>/ispring</c> (lms-apis.md §2, emulator contract §2.7): OAuth client-credentials
/// tokens on the Sandbox clock, users v2 paging, departments tree, groups with replace-all members, JSON or XML by
/// <c>Accept</c>, <c>ErrorResponse {code, message}</c> on every 4xx. Admin routes under <c>/__admin/ispring</c>.
/// </summary>
public sealed class ISpringEmulator : ISandboxEmulator
{
    public const string Prefix = "/ispring";

    public ISpringEmulator(SandboxContext context)
    {
        Store = new ISpringStore(context.Clock);
        Auth = new ISpringAuth(context.Clock);
    }

    public string Name => "ispring";

    public ISpringStore Store { get; }
    public ISpringAuth Auth { get; }

    /// <summary>The current switches; replaced whole by the admin API, so a request sees one consistent set.</summary>
    public ISpringBehaviour Behaviour { get; set; } = new();

    /// <summary>Test hook: runs after each <c>POST /group/{id}/members</c>, e.g. to play another admin's write landing next.</summary>
    public Action<string>? AfterMembersWritten { get; set; }

    public void Map(IEndpointRouteBuilder routes, SandboxContext context)
    {
        routes.MapPost(Prefix + "/api/v3/token", (Delegate)IssueTokenAsync);

        var api = routes.MapGroup(Prefix);
        api.AddEndpointFilter(async (invocation, next) =>
        {
            var rejection = Auth.Reject(invocation.HttpContext.Request);
            if (rejection is not null) return ISpringWire.Error(401, rejection);
            try
            {
                return await next(invocation);
            }
            catch (ISpringApiError e)
            {
                return ISpringWire.Error(e.Status, e.Message);
            }
        });
        ISpringUserRoutes.Map(api, this);
        ISpringDepartmentRoutes.Map(api, this);
        ISpringGroupRoutes.Map(api, this);

        ISpringAdminRoutes.Map(routes, this);
    }

    public JsonObject DescribeForInfoFile(SandboxContext context) => new()
    {
        ["url"] = context.BaseUrl + Prefix,
        ["clientId"] = Auth.ClientId,
        ["clientSecret"] = Auth.ClientSecret,
    };

    /// <summary><c>POST /api/v3/token</c>, form-encoded <c>client_id</c>, <c>client_secret</c>, <c>grant_type=client_credentials</c>.</summary>
    private async System.Threading.Tasks.Task<IResult> IssueTokenAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
            return ISpringWire.Error(400, "Send the token request as application/x-www-form-urlencoded.");
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
            return ISpringWire.Error(400, "grant_type must be client_credentials.");
        if (!Auth.CredentialsMatch(form["client_id"].ToString(), form["client_secret"].ToString()))
            return ISpringWire.Error(401, "Invalid client_id or client_secret.");
        var lifetime = Behaviour.TokenLifetimeSeconds;
        return ISpringWire.Ok(new JsonObject
        {
            ["access_token"] = Auth.Issue(TimeSpan.FromSeconds(lifetime)),
            ["expires_in"] = lifetime,
            ["token_type"] = "bearer",
        });
    }
}
