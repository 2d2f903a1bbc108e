using System;
using System.Collections.Generic;
using System.Globalization;
using LmsSync.Core.Lms.SkyPrep;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// SkyPrep's canonical field names (<see cref="LmsFieldCatalog.SkyPrep"/>) to and from the client's typed user:
    /// the built-in fields by name, <c>user_identifier</c> to the client's Salesforce Id (whatever its wire name),
    /// and any other catalogue field to a custom label.
    /// </summary>
    internal static class SkyPrepFields
    {
        public const string SalesforceId = "user_identifier";

        public static SkyPrepUserFields From(IReadOnlyList<FieldChange> changes, LmsFieldCatalog catalog)
        {
            var fields = new SkyPrepUserFields();
            foreach (var change in changes)
            {
                // An empty string clears the field; null would leave it as it is.
                var value = change.New ?? "";
                var name = catalog.TryResolve(change.Field, out var known) ? known.Name : change.Field;
                switch (name.ToLowerInvariant())
                {
                    case "first_name": fields.FirstName = value; break;
                    case "last_name": fields.LastName = value; break;
                    case "email": fields.Email = value; break;
                    case "company": fields.Company = value; break;
                    case "title": fields.Title = value; break;
                    case "cell": fields.Cell = value; break;
                    case SalesforceId: fields.SalesforceId = value; break;
                    default:
                        if (known == null || !known.IsCustom)
                            throw new LmsConnectorException($"SkyPrep has no field '{change.Field}'. Map it to a built-in field or add it as a custom label.", 0, false, false);
                        fields.CustomLabels[name] = value;
                        break;
                }
            }
            return fields;
        }

        public static LmsUser ToLmsUser(SkyPrepUser user, IReadOnlyList<string> groupIds, bool keepsSalesforceId, string administratorRole)
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["first_name"] = user.FirstName,
                ["last_name"] = user.LastName,
                ["email"] = user.Email,
                ["company"] = user.Company,
                ["title"] = user.Title,
                ["cell"] = user.Cell,
                [SalesforceId] = user.SalesforceId,
            };
            foreach (var label in user.CustomLabels) fields[label.Key] = label.Value;
            return new LmsUser(Id(user.Id), login: null, user.Email, user.IsActive ?? true, fields, departmentId: null, groupIds,
                keepsSalesforceId ? user.SalesforceId : null, string.Equals(user.Role, administratorRole, StringComparison.OrdinalIgnoreCase));
        }

        public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        public static long Id(string id, string what)
        {
            if (long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            throw new LmsConnectorException($"'{id}' is not a SkyPrep {what} id (SkyPrep ids are whole numbers).", 0, false, false);
        }
    }
}
