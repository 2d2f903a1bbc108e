using System.Collections.Generic;
using System.Text.Json.Nodes;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Scim;

/// <summary>
/// A faithful SCIM 2.0 service provider (RFC 7643/7644, lms-apis.md §3) under <c>/scim/v2</c>, with the
/// vendor quirks of §3.2 behind switches (<see cref="ScimBehaviour"/>), a welcome-email record, and admin
/// routes under <c>/__admin/scim</c>. sandbox.json section <c>scim</c>: <c>url</c>, <c>token</c>.
/// </summary>
public sealed class ScimEmulator : ISandboxEmulator
{
    private ScimService? _service;

    public string Name => "scim";

    /// <summary>The service behind the routes (tests reach its hooks through it).</summary>
    internal ScimService Service => _service ?? throw new System.InvalidOperationException("The SCIM emulator is not mapped yet.");

    public void Map(IEndpointRouteBuilder routes, SandboxContext context)
    {
        _service = new ScimService(context);
        ScimRoutes.Map(routes, context, _service);
        ScimAdminRoutes.Map(routes, context, _service);
    }

    public JsonObject DescribeForInfoFile(SandboxContext context) => new()
    {
        ["url"] = context.BaseUrl + ScimRoutes.Prefix,
        ["token"] = Service.Token,
    };

    /// <summary>The current bearer token (a new random one per start).</summary>
    public string Token => Service.Token;

    /// <summary>Issues a new token (the old one stops working) and returns it.</summary>
    public string RotateToken() => Service.IssueToken();

    /// <summary>A copy of the switches; set a changed copy back to apply it.</summary>
    public ScimBehaviour Behaviour
    {
        get => Service.Behaviour;
        set => Service.Behaviour = value;
    }

    public IReadOnlyList<ScimWelcomeEmail> WelcomeEmails => Service.WelcomeEmails;

    /// <summary>Back to the seeded state with default switches (the token stays).</summary>
    public void Reset() => Service.Reset();

    public void SeedUsers(int count, string prefix = "seed.user") => Service.SeedUsers(count, prefix);

    /// <summary>The resources as a client would read them (for assertions).</summary>
    public (List<JsonObject> Users, List<JsonObject> Groups) Snapshot() => Service.Snapshot("");
}
