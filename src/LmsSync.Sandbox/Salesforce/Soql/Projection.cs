using System.Collections.Generic;
using System.Text.Json;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Soql;

/// <summary>
/// The shape of a REST record for a SELECT list: top-level fields in the order selected, and one
/// nested object per relationship (placed where the relationship first appears), recursively for
/// <c>Manager.Manager.Email</c>. Built once per query; records are written one at a time from it.
/// </summary>
internal sealed class Projection
{
    private readonly List<Member> _members = new();

    private Projection(SfObjectSchema obj) => Object = obj;

    public SfObjectSchema Object { get; }

    public static Projection Build(SfSchema schema, SfObjectSchema obj, IReadOnlyList<FieldPath> columns)
    {
        var root = new Projection(obj);
        foreach (var column in columns)
        {
            var node = root;
            foreach (var hop in column.Hops)
            {
                node = node.Child(schema, hop);
            }

            node._members.Add(new Member(column.Field, null));
        }

        return root;
    }

    /// <summary>Writes <paramref name="row"/> as a REST record: attributes, then the selected fields.</summary>
    public void Write(Utf8JsonWriter writer, SfRow row, OrgSnapshot snapshot, string apiVersion)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        writer.WriteString("type", Object.Name);
        writer.WriteString("url", WireFormat.RecordUrl(apiVersion, Object.Name, row.Id));
        writer.WriteEndObject();
        foreach (var member in _members)
        {
            if (member.Child is null)
            {
                WireFormat.WriteJson(writer, member.Field.Name, row.GetValue(member.Field));
                continue;
            }

            // A missing parent is written as null, not as an object of nulls.
            writer.WritePropertyName(member.Field.RelationshipName!);
            if (row.GetValue(member.Field) is string id && snapshot.FindStored(id) is { } parent)
            {
                member.Child.Write(writer, parent, snapshot, apiVersion);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndObject();
    }

    private Projection Child(SfSchema schema, SfFieldSchema lookup)
    {
        foreach (var member in _members)
        {
            if (member.Child is not null && ReferenceEquals(member.Field, lookup))
            {
                return member.Child;
            }
        }

        var child = new Projection(schema.Find(lookup.ReferenceTo[0])!);
        _members.Add(new Member(lookup, child));
        return child;
    }

    private sealed record Member(SfFieldSchema Field, Projection? Child);
}
