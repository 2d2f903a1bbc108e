using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>The set of sObject types an emulated org knows.</summary>
public sealed class SfSchema
{
    private readonly Dictionary<string, SfObjectSchema> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SfObjectSchema> _byKeyPrefix = new(StringComparer.Ordinal);

    private readonly Dictionary<string, SfObjectSchema>.AlternateLookup<ReadOnlySpan<char>> _byKeyPrefixSpan;

    internal SfSchema(IReadOnlyList<SfObjectSchema> objects)
    {
        Objects = objects;
        _byKeyPrefixSpan = _byKeyPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < objects.Count; i++)
        {
            objects[i].Index = i;
            _byName.Add(objects[i].Name, objects[i]);
            _byKeyPrefix.Add(objects[i].KeyPrefix, objects[i]);
        }
    }

    /// <summary>User, Contact, Account, Group, GroupMember, Profile, UserRole and UserLogin with the fields of salesforce-api.md §8.</summary>
    public static SfSchema Standard() => StandardSchema.Build();

    public IReadOnlyList<SfObjectSchema> Objects { get; }

    /// <summary>Finds an object by API name, ignoring case.</summary>
    public SfObjectSchema? Find(string objectName) => _byName.GetValueOrDefault(objectName);

    /// <summary>Finds the object whose ids start with the given three-character prefix.</summary>
    public SfObjectSchema? FindByKeyPrefix(string keyPrefix) => _byKeyPrefix.GetValueOrDefault(keyPrefix);

    /// <summary>Allocation-free prefix lookup for the hot path of following lookups row by row.</summary>
    internal SfObjectSchema? FindByKeyPrefix(ReadOnlySpan<char> keyPrefix) =>
        _byKeyPrefixSpan.TryGetValue(keyPrefix, out var obj) ? obj : null;
}
