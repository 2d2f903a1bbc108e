using System;
using System.Linq;
using System.Text.Json;
using LmsSync.Sandbox.Salesforce.Org;

namespace LmsSync.Sandbox.Salesforce.Rest;

/// <summary>
/// Describe JSON generated from the org schema (salesforce-api.md §6.1): the sObject's properties,
/// its fields, child relationships and urls. Keys are alphabetical, as Salesforce writes them.
/// </summary>
internal static class DescribeWriter
{
    public static void WriteDescribe(Utf8JsonWriter json, SfSchema schema, SfObjectSchema type, string basePath)
    {
        json.WriteStartObject();
        WriteSummary(json, type, basePath, full: true);
        json.WriteStartArray("childRelationships");
        foreach (var child in schema.Objects)
        {
            foreach (var field in child.Fields.Where(f => f.ReferenceTo.Contains(type.Name, StringComparer.Ordinal)))
            {
                json.WriteStartObject();
                json.WriteBoolean("cascadeDelete", false);
                json.WriteString("childSObject", child.Name);
                json.WriteBoolean("deprecatedAndHidden", false);
                json.WriteString("field", field.Name);
                json.WriteStartArray("junctionIdListNames");
                json.WriteEndArray();
                json.WriteStartArray("junctionReferenceTo");
                json.WriteEndArray();
                // The schema does not name child relationships; Salesforce reports null for many too.
                json.WriteNull("relationshipName");
                json.WriteBoolean("restrictedDelete", false);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteStartArray("fields");
        foreach (var field in type.Fields) WriteField(json, field);
        json.WriteEndArray();
        json.WriteStartArray("recordTypeInfos");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The object-level properties. Global describe lists them for every object (<paramref name="full"/>
    /// false adds its subtype flags); a full describe adds fields and relationships around them.
    /// </summary>
    public static void WriteSummary(Utf8JsonWriter json, SfObjectSchema type, string basePath, bool full)
    {
        var sobject = basePath + "/sobjects/" + type.Name;
        json.WriteBoolean("activateable", false);
        json.WriteBoolean("createable", type.Createable);
        json.WriteBoolean("custom", type.Name.EndsWith("__c", StringComparison.OrdinalIgnoreCase));
        json.WriteBoolean("customSetting", false);
        json.WriteBoolean("deletable", type.Deletable);
        json.WriteBoolean("deprecatedAndHidden", false);
        json.WriteBoolean("feedEnabled", false);
        if (!full)
        {
            json.WriteBoolean("hasSubtypes", false);
            json.WriteBoolean("isSubtype", false);
        }
        json.WriteString("keyPrefix", type.KeyPrefix);
        json.WriteString("label", type.Label);
        json.WriteString("labelPlural", type.LabelPlural);
        json.WriteBoolean("layoutable", true);
        json.WriteBoolean("mergeable", false);
        json.WriteBoolean("mruEnabled", false);
        json.WriteString("name", type.Name);
        json.WriteBoolean("queryable", true);
        json.WriteBoolean("replicateable", true);
        json.WriteBoolean("retrieveable", true);
        json.WriteBoolean("searchable", true);
        json.WriteBoolean("triggerable", true);
        json.WriteBoolean("undeletable", type.Deletable);
        json.WriteBoolean("updateable", type.Updateable);
        json.WriteStartObject("urls");
        json.WriteString("describe", sobject + "/describe");
        json.WriteString("rowTemplate", sobject + "/{ID}");
        json.WriteString("sobject", sobject);
        json.WriteEndObject();
    }

    public static void WriteField(Utf8JsonWriter json, SfFieldSchema field)
    {
        var type = field.Type;
        var isText = IsText(type);
        json.WriteStartObject();
        json.WriteBoolean("aggregatable", Groupable(field) || IsNumber(type) || type is "date" or "datetime");
        json.WriteBoolean("autoNumber", false);
        json.WriteNumber("byteLength", isText || type is "id" or "reference" ? Length(field) * 3 : 0);
        json.WriteBoolean("calculated", field.Calculated);
        json.WriteBoolean("cascadeDelete", false);
        json.WriteBoolean("caseSensitive", false);
        json.WriteBoolean("createable", field.Createable);
        json.WriteBoolean("custom", field.Custom);
        // Checkboxes default to false and are filled on create; other fields have no default here.
        if (type == "boolean") json.WriteBoolean("defaultValue", false);
        else json.WriteNull("defaultValue");
        json.WriteBoolean("defaultedOnCreate", type == "boolean" || type == "id");
        json.WriteBoolean("dependentPicklist", false);
        json.WriteBoolean("deprecatedAndHidden", false);
        json.WriteNumber("digits", type == "int" ? 9 : 0);
        json.WriteBoolean("encrypted", false);
        json.WriteBoolean("externalId", field.ExternalId);
        json.WriteBoolean("filterable", field.Filterable);
        json.WriteBoolean("groupable", Groupable(field));
        json.WriteBoolean("htmlFormatted", false);
        json.WriteBoolean("idLookup", type == "id" || field.Unique || field.ExternalId);
        json.WriteString("label", field.Label);
        json.WriteNumber("length", isText ? Length(field) : type is "id" or "reference" ? 18 : 0);
        json.WriteString("name", field.Name);
        json.WriteBoolean("nameField", field.Name == "Name");
        json.WriteBoolean("namePointing", false);
        json.WriteBoolean("nillable", field.Nillable);
        json.WriteBoolean("permissionable", field.Nillable && !field.Calculated && field.Updateable);
        json.WriteStartArray("picklistValues");
        foreach (var value in field.PicklistValues)
        {
            json.WriteStartObject();
            json.WriteBoolean("active", true);
            json.WriteBoolean("defaultValue", false);
            json.WriteString("label", value);
            json.WriteNull("validFor");
            json.WriteString("value", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteBoolean("polymorphicForeignKey", field.ReferenceTo.Count > 1);
        json.WriteNumber("precision", type is "double" or "currency" ? 18 : 0);
        json.WriteStartArray("referenceTo");
        foreach (var target in field.ReferenceTo) json.WriteStringValue(target);
        json.WriteEndArray();
        if (field.RelationshipName is null) json.WriteNull("relationshipName");
        else json.WriteString("relationshipName", field.RelationshipName);
        json.WriteBoolean("restrictedPicklist", false);
        json.WriteNumber("scale", type == "currency" ? 2 : 0);
        json.WriteString("soapType", SoapType(type));
        json.WriteBoolean("sortable", field.Sortable);
        json.WriteString("type", type);
        json.WriteBoolean("unique", field.Unique);
        json.WriteBoolean("updateable", field.Updateable);
        json.WriteEndObject();
    }

    internal static string SoapType(string type) => type switch
    {
        "id" or "reference" => "tns:ID",
        "boolean" => "xsd:boolean",
        "int" => "xsd:int",
        "double" or "currency" or "percent" => "xsd:double",
        "date" => "xsd:date",
        "datetime" => "xsd:dateTime",
        "time" => "xsd:time",
        _ => "xsd:string",
    };

    /// <summary>Salesforce cannot group by datetimes, numbers with decimals, long text or multi-select picklists.</summary>
    private static bool Groupable(SfFieldSchema field) => field.Type switch
    {
        "datetime" or "double" or "currency" or "percent" or "multipicklist" => false,
        "textarea" => field.Length <= 255,
        _ => field.Filterable,
    };

    private static bool IsText(string type) => type is "string" or "picklist" or "multipicklist" or "email" or "phone" or "url" or "textarea";

    private static bool IsNumber(string type) => type is "int" or "double" or "currency" or "percent";

    private static int Length(SfFieldSchema field) => field.Type is "id" or "reference" ? 18 : field.Length;
}
