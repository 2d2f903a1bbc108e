using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.ISpring;

/// <summary>
/// Users by login and by email (case-insensitive), so the uniqueness check of a create or update is a lookup, not a
/// scan of every user: filling an account with 100,000 users one create at a time would otherwise be quadratic.
/// A value maps to a list because seeded data may hold a duplicate on purpose.
/// </summary>
public sealed partial class ISpringStore
{
    private static readonly string[] UniqueFields = { "login", "email" };
    private readonly Dictionary<string, List<ISpringUserRecord>> _byUniqueField = new(StringComparer.OrdinalIgnoreCase);

    private static string UniqueKey(string field, string value) => field + "\n" + value;

    private void IndexUnique(ISpringUserRecord user)
    {
        foreach (var field in UniqueFields)
        {
            if (!user.Fields.TryGetValue(field, out var value) || string.IsNullOrEmpty(value)) continue;
            var key = UniqueKey(field, value);
            if (!_byUniqueField.TryGetValue(key, out var holders)) _byUniqueField[key] = holders = new List<ISpringUserRecord>(1);
            holders.Add(user);
        }
    }

    private void UnindexUnique(ISpringUserRecord user)
    {
        foreach (var field in UniqueFields)
        {
            if (!user.Fields.TryGetValue(field, out var value) || string.IsNullOrEmpty(value)) continue;
            var key = UniqueKey(field, value);
            if (!_byUniqueField.TryGetValue(key, out var holders)) continue;
            holders.Remove(user);
            if (holders.Count == 0) _byUniqueField.Remove(key);
        }
    }

    /// <summary>True when a user other than <paramref name="exceptUserId"/> holds this login or email.</summary>
    private bool UniqueTaken(string field, string value, string? exceptUserId) =>
        _byUniqueField.TryGetValue(UniqueKey(field, value), out var holders) && holders.Exists(u => u.UserId != exceptUserId);
}
