using System;
using System.Collections.Generic;
using System.Linq;

namespace LmsSync.Sandbox.Scim;

internal enum ScimType { String, Boolean, Complex, DateTime, Integer, Reference }

internal enum ScimMutability { ReadWrite, ReadOnly, Immutable, WriteOnly }

/// <summary>One attribute definition of RFC 7643 §7: what the emulator validates, compares and returns.</summary>
internal sealed class ScimAttribute
{
    public ScimAttribute(string name, ScimType type = ScimType.String, bool multiValued = false, bool caseExact = false,
        ScimMutability mutability = ScimMutability.ReadWrite, bool required = false, bool returnedNever = false, params ScimAttribute[] subAttributes)
    {
        Name = name;
        Type = type;
        MultiValued = multiValued;
        CaseExact = caseExact;
        Mutability = mutability;
        Required = required;
        ReturnedNever = returnedNever;
        SubAttributes = subAttributes;
    }

    public string Name { get; }
    public ScimType Type { get; }
    public bool MultiValued { get; }
    public bool CaseExact { get; }
    public ScimMutability Mutability { get; }
    public bool Required { get; }
    public bool ReturnedNever { get; }
    public IReadOnlyList<ScimAttribute> SubAttributes { get; }

    public ScimAttribute? Sub(string name) => SubAttributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A schema (core or extension): its URN and attributes.</summary>
internal sealed class ScimSchemaDefinition(string id, string name, IReadOnlyList<ScimAttribute> attributes)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public IReadOnlyList<ScimAttribute> Attributes { get; } = attributes;

    public ScimAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A resource type: its endpoint, core schema and extensions.</summary>
internal sealed class ScimResourceType(string name, string endpoint, ScimSchemaDefinition core, IReadOnlyList<ScimSchemaDefinition> extensions)
{
    public string Name { get; } = name;
    public string Endpoint { get; } = endpoint;
    public ScimSchemaDefinition Core { get; } = core;
    public IReadOnlyList<ScimSchemaDefinition> Extensions { get; } = extensions;

    public ScimSchemaDefinition? Extension(string urn) => Extensions.FirstOrDefault(e => e.Id.Equals(urn, StringComparison.OrdinalIgnoreCase));

    /// <summary>The schema a URN names: the core one (its own URN may prefix core paths) or an extension.</summary>
    public ScimSchemaDefinition? Schema(string urn) => Core.Id.Equals(urn, StringComparison.OrdinalIgnoreCase) ? Core : Extension(urn);
}

/// <summary>The schemas the emulator serves (RFC 7643 §4, §8.7.1 subset that provisioning uses).</summary>
internal static class ScimSchemas
{
    public const string UserUri = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupUri = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUri = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The emulator's vendor extension for the welcome-email switch (SCIM has no standard one).</summary>
    public const string WelcomeUri = "urn:lmssync:params:scim:schemas:extension:welcome:2.0:User";
    public const string WelcomeAttribute = "sendWelcomeEmail";

    public const string PatchOpUri = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ListResponseUri = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string ErrorUri = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string BulkRequestUri = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public const string BulkResponseUri = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

    private static ScimAttribute Meta() => new("meta", ScimType.Complex, mutability: ScimMutability.ReadOnly, subAttributes: new[]
    {
        new ScimAttribute("resourceType", caseExact: true, mutability: ScimMutability.ReadOnly),
        new ScimAttribute("created", ScimType.DateTime, mutability: ScimMutability.ReadOnly),
        new ScimAttribute("lastModified", ScimType.DateTime, mutability: ScimMutability.ReadOnly),
        new ScimAttribute("location", ScimType.Reference, caseExact: true, mutability: ScimMutability.ReadOnly),
        new ScimAttribute("version", caseExact: true, mutability: ScimMutability.ReadOnly),
    });

    private static ScimAttribute Id() => new("id", caseExact: true, mutability: ScimMutability.ReadOnly);

    private static ScimAttribute MultiValued(string name, params ScimAttribute[] extra) => new(name, ScimType.Complex, multiValued: true,
        subAttributes: new[]
        {
            new ScimAttribute("value"),
            new ScimAttribute("display"),
            new ScimAttribute("type"),
            new ScimAttribute("primary", ScimType.Boolean),
        }.Concat(extra).ToArray());

    public static readonly ScimSchemaDefinition User = new(UserUri, "User", new[]
    {
        Id(),
        new ScimAttribute("externalId", caseExact: true),
        new ScimAttribute("userName", required: true),
        new ScimAttribute("name", ScimType.Complex, subAttributes: new[]
        {
            new ScimAttribute("formatted"), new ScimAttribute("familyName"), new ScimAttribute("givenName"),
            new ScimAttribute("middleName"), new ScimAttribute("honorificPrefix"), new ScimAttribute("honorificSuffix"),
        }),
        new ScimAttribute("displayName"),
        new ScimAttribute("nickName"),
        new ScimAttribute("profileUrl", ScimType.Reference),
        new ScimAttribute("title"),
        new ScimAttribute("userType"),
        new ScimAttribute("preferredLanguage"),
        new ScimAttribute("locale"),
        new ScimAttribute("timezone"),
        new ScimAttribute("active", ScimType.Boolean),
        new ScimAttribute("password", caseExact: true, mutability: ScimMutability.WriteOnly, returnedNever: true),
        MultiValued("emails"),
        MultiValued("phoneNumbers"),
        MultiValued("ims"),
        MultiValued("photos"),
        new ScimAttribute("addresses", ScimType.Complex, multiValued: true, subAttributes: new[]
        {
            new ScimAttribute("formatted"), new ScimAttribute("streetAddress"), new ScimAttribute("locality"), new ScimAttribute("region"),
            new ScimAttribute("postalCode"), new ScimAttribute("country"), new ScimAttribute("type"), new ScimAttribute("primary", ScimType.Boolean),
        }),
        new ScimAttribute("groups", ScimType.Complex, multiValued: true, mutability: ScimMutability.ReadOnly, subAttributes: new[]
        {
            new ScimAttribute("value", caseExact: true, mutability: ScimMutability.ReadOnly),
            new ScimAttribute("$ref", ScimType.Reference, caseExact: true, mutability: ScimMutability.ReadOnly),
            new ScimAttribute("display", mutability: ScimMutability.ReadOnly),
            new ScimAttribute("type", mutability: ScimMutability.ReadOnly),
        }),
        MultiValued("entitlements"),
        MultiValued("roles"),
        Meta(),
    });

    public static readonly ScimSchemaDefinition EnterpriseUser = new(EnterpriseUri, "EnterpriseUser", new[]
    {
        new ScimAttribute("employeeNumber"),
        new ScimAttribute("costCenter"),
        new ScimAttribute("organization"),
        new ScimAttribute("division"),
        new ScimAttribute("department"),
        new ScimAttribute("manager", ScimType.Complex, subAttributes: new[]
        {
            new ScimAttribute("value", caseExact: true),
            new ScimAttribute("$ref", ScimType.Reference, caseExact: true),
            new ScimAttribute("displayName", mutability: ScimMutability.ReadOnly),
        }),
    });

    public static readonly ScimSchemaDefinition WelcomeExtension = new(WelcomeUri, "WelcomeEmail", new[]
    {
        new ScimAttribute(WelcomeAttribute, ScimType.Boolean, mutability: ScimMutability.WriteOnly, returnedNever: true),
    });

    public static readonly ScimSchemaDefinition Group = new(GroupUri, "Group", new[]
    {
        Id(),
        new ScimAttribute("externalId", caseExact: true),
        new ScimAttribute("displayName", required: true),
        new ScimAttribute("members", ScimType.Complex, multiValued: true, subAttributes: new[]
        {
            new ScimAttribute("value", caseExact: true, mutability: ScimMutability.Immutable),
            new ScimAttribute("$ref", ScimType.Reference, caseExact: true, mutability: ScimMutability.Immutable),
            new ScimAttribute("display", mutability: ScimMutability.ReadOnly),
            new ScimAttribute("type", mutability: ScimMutability.Immutable),
        }),
        Meta(),
    });

    public static readonly ScimResourceType UserType = new("User", "/Users", User, new[] { EnterpriseUser, WelcomeExtension });
    public static readonly ScimResourceType GroupType = new("Group", "/Groups", Group, Array.Empty<ScimSchemaDefinition>());
}
