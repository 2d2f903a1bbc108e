using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Scim;

/// <summary>The SCIM endpoints under <c>/scim/v2</c> (RFC 7644 §3): discovery, Users, Groups, Bulk.</summary>
internal static class ScimRoutes
{
    public const string Prefix = "/scim/v2";

    public static void Map(IEndpointRouteBuilder routes, SandboxContext context, ScimService service)
    {
        string Endpoint() => context.BaseUrl + Prefix;

        routes.MapGet(Prefix + "/ServiceProviderConfig", (HttpContext http) => ScimHttp.Handle(http, service, () =>
            ScimHttp.Write(http, service.Behaviour, 200, ScimDiscovery.ServiceProviderConfig(service.Behaviour, Endpoint()))));
        routes.MapGet(Prefix + "/ResourceTypes", (HttpContext http) => ScimHttp.Handle(http, service, () =>
            ScimHttp.WriteList(http, service.Behaviour, ListResponse(new[] { ScimSchemas.UserType, ScimSchemas.GroupType }.Select(t => ScimDiscovery.ResourceType(t, Endpoint())).ToArray()))));
        routes.MapGet(Prefix + "/ResourceTypes/{name}", (HttpContext http, string name) => ScimHttp.Handle(http, service, () =>
        {
            var type = new[] { ScimSchemas.UserType, ScimSchemas.GroupType }.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw ScimError.NotFound($"No resource type '{name}'.");
            return ScimHttp.Write(http, service.Behaviour, 200, ScimDiscovery.ResourceType(type, Endpoint()));
        }));
        var schemas = new[] { ScimSchemas.User, ScimSchemas.EnterpriseUser, ScimSchemas.WelcomeExtension, ScimSchemas.Group };
        routes.MapGet(Prefix + "/Schemas", (HttpContext http) => ScimHttp.Handle(http, service, () =>
            ScimHttp.WriteList(http, service.Behaviour, ListResponse(schemas.Select(s => ScimDiscovery.Schema(s, Endpoint())).ToArray()))));
        routes.MapGet(Prefix + "/Schemas/{id}", (HttpContext http, string id) => ScimHttp.Handle(http, service, () =>
        {
            var schema = schemas.FirstOrDefault(s => s.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) ?? throw ScimError.NotFound($"No schema '{id}'.");
            return ScimHttp.Write(http, service.Behaviour, 200, ScimDiscovery.Schema(schema, Endpoint()));
        }));

        foreach (var type in new[] { ScimSchemas.UserType, ScimSchemas.GroupType })
        {
            var path = Prefix + type.Endpoint;
            routes.MapGet(path, (HttpContext http) => ScimHttp.Handle(http, service, () => List(http, service, type, context.BaseUrl)));
            routes.MapPost(path, (HttpContext http) => ScimHttp.Handle(http, service, async () =>
            {
                var (body, _) = await ScimHttp.ReadObject(http.Request);
                var stored = service.Create(type, body);
                var behaviour = service.Behaviour;
                http.Response.Headers.Location = behaviour.LocationWithoutId ? Endpoint() + type.Endpoint : Endpoint() + type.Endpoint + "/" + stored.Id;
                await WriteResource(http, service, type, stored, 201, context.BaseUrl);
            }));
            routes.MapGet(path + "/{id}", (HttpContext http, string id) => ScimHttp.Handle(http, service, () =>
            {
                var (resource, etag) = service.Get(type, id, context.BaseUrl);
                var behaviour = service.Behaviour;
                if (behaviour.EtagSupported && ScimHttp.Header(http.Request, "If-None-Match") is { } none &&
                    none.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t.Replace("W/", "") == etag.Replace("W/", "")))
                {
                    http.Response.StatusCode = 304;
                    return Task.CompletedTask;
                }
                return WriteResource(http, behaviour, type, resource, etag, 200);
            }));
            routes.MapPut(path + "/{id}", (HttpContext http, string id) => ScimHttp.Handle(http, service, async () =>
            {
                var (body, _) = await ScimHttp.ReadObject(http.Request);
                var stored = service.Replace(type, id, body, ScimHttp.Header(http.Request, "If-Match"));
                await WriteResource(http, service, type, stored, 200, context.BaseUrl);
            }));
            routes.MapMethods(path + "/{id}", new[] { "PATCH" }, (HttpContext http, string id) => ScimHttp.Handle(http, service, async () =>
            {
                var (body, _) = await ScimHttp.ReadObject(http.Request);
                var stored = service.Patch(type, id, body, ScimHttp.Header(http.Request, "If-Match"));
                var behaviour = service.Behaviour;
                if (behaviour.PatchReturnsNoContent)
                {
                    if (behaviour.EtagSupported && !behaviour.OmitETagHeader) http.Response.Headers.ETag = stored.ETag;
                    http.Response.StatusCode = 204;
                    return;
                }
                await WriteResource(http, service, type, stored, 200, context.BaseUrl);
            }));
            routes.MapDelete(path + "/{id}", (HttpContext http, string id) => ScimHttp.Handle(http, service, () =>
            {
                service.Delete(type, id, ScimHttp.Header(http.Request, "If-Match"));
                http.Response.StatusCode = 204;
                return Task.CompletedTask;
            }));
        }

        routes.MapPost(Prefix + "/Bulk", (HttpContext http) => ScimHttp.Handle(http, service, () => ScimBulk.Handle(http, service, context.BaseUrl)));
    }

    private const string Attributes = "attributes";
    private const string ExcludedAttributes = "excludedAttributes";

    /// <summary>The request's <c>attributes</c> / <c>excludedAttributes</c> (RFC 7644 §3.4.2.5).</summary>
    private static ScimProjection Projection(HttpRequest request, ScimResourceType type) =>
        ScimProjection.Parse(type, ScimHttp.Query(request, Attributes), ScimHttp.Query(request, ExcludedAttributes));

    private static Task List(HttpContext http, ScimService service, ScimResourceType type, string baseUrl)
    {
        var request = http.Request;
        if (service.Behaviour.RefuseListProjection && (ScimHttp.Query(request, Attributes) != null || ScimHttp.Query(request, ExcludedAttributes) != null))
            throw ScimError.InvalidValue("This service does not support 'attributes' or 'excludedAttributes' on lists.");
        var projection = Projection(request, type);
        var page = service.List(type, ScimHttp.Query(request, "filter"), ScimHttp.IntQuery(request, "startIndex") ?? 1,
            ScimHttp.IntQuery(request, "count"), ScimHttp.Query(request, "sortBy"), ScimHttp.Query(request, "sortOrder"), baseUrl, projection);
        return ScimHttp.WriteList(http, service.Behaviour, page);
    }

    /// <summary>A whole list on one page (the discovery endpoints).</summary>
    private static ScimPage ListResponse(JsonObject[] resources) => new(resources.Select(ScimHttp.Utf8).ToList(), resources.Length, 1);

    /// <summary>A written resource as it is now (a later write may already have changed it), with that version's ETag.</summary>
    private static Task WriteResource(HttpContext http, ScimService service, ScimResourceType type, ScimStored stored, int status, string baseUrl)
    {
        var (resource, etag) = service.Render(type, stored, baseUrl);
        return WriteResource(http, service.Behaviour, type, resource, etag, status);
    }

    private static Task WriteResource(HttpContext http, ScimBehaviour behaviour, ScimResourceType type, JsonObject resource, string etag, int status)
    {
        if (behaviour.EtagSupported && !behaviour.OmitETagHeader) http.Response.Headers.ETag = etag;
        return ScimHttp.Write(http, behaviour, status, Projection(http.Request, type).Apply(resource));
    }
}
