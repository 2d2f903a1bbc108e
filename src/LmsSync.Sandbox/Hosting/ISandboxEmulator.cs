using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Hosting;

/// <summary>One emulated service (Salesforce, an LMS) living inside the Sandbox.</summary>
public interface ISandboxEmulator
{
    /// <summary>Its section name in sandbox.json (<c>salesforce</c>, <c>ispring</c>, …) and in the request log.</summary>
    string Name { get; }

    /// <summary>Maps its routes; called once before the Sandbox starts listening.</summary>
    void Map(IEndpointRouteBuilder routes, SandboxContext context);

    /// <summary>Its sandbox.json section (URLs and test-only credentials); called once listening.</summary>
    JsonObject DescribeForInfoFile(SandboxContext context);
}
