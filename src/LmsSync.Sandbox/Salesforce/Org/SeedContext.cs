using System;
using System.Collections.Generic;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>
/// What every part of the seed shares: the org being filled, one random stream (consumed in a
/// fixed order, which is what makes the seed deterministic), and "now" read once from the clock.
/// </summary>
internal sealed class SeedContext
{
    private readonly Dictionary<SfObjectSchema, RowBuilder> _builders = new();

    public SeedContext(SfOrg org, int seed)
    {
        Org = org;
        Random = new Random(seed);
        Now = FieldValues.Truncate(org.Clock());
        Today = DateOnly.FromDateTime(Now.UtcDateTime);
    }

    public SfOrg Org { get; }

    public Random Random { get; }

    public DateTimeOffset Now { get; }

    public DateOnly Today { get; }

    public RowBuilder Builder(string objectName)
    {
        var obj = Org.Schema.Find(objectName)!;
        if (!_builders.TryGetValue(obj, out var builder))
        {
            builder = new RowBuilder(obj);
            _builders.Add(obj, builder);
        }

        return builder;
    }

    /// <summary>True with the given probability (0..1).</summary>
    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>A moment in the last <paramref name="days"/> days, to the millisecond.</summary>
    public DateTimeOffset WithinLastDays(int days) => Now.AddMilliseconds(-Random.NextInt64((long)days * 24 * 60 * 60 * 1000));

    /// <summary>Index into <paramref name="weights"/> drawn in proportion to the weights.</summary>
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = Random.Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}

/// <summary>Fills a row's value array by field name, resolving each name to its slot once.</summary>
internal sealed class RowBuilder
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    public RowBuilder(SfObjectSchema obj)
    {
        Object = obj;
        foreach (var field in obj.Fields)
        {
            if (field.Ordinal >= 0)
            {
                _ordinals.Add(field.Name, field.Ordinal);
            }
        }
    }

    public SfObjectSchema Object { get; }

    public object?[] New() => SfOrg.NewValues(Object);

    public void Set(object?[] values, string field, object? value) => values[_ordinals[field]] = value;
}
