using System.Collections.Generic;
using System.Globalization;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>Form fields for one call, in order, with SkyPrep's value spellings (booleans as true/false).</summary>
    internal sealed class SkyPrepParameters : List<KeyValuePair<string, string>>
    {
        public SkyPrepParameters With(string name, string value)
        {
            Add(new KeyValuePair<string, string>(name, value));
            return this;
        }

        public SkyPrepParameters With(string name, long value) => With(name, value.ToString(CultureInfo.InvariantCulture));

        public SkyPrepParameters With(string name, bool value) => With(name, value ? "true" : "false");

        public SkyPrepParameters WithUser(SkyPrepUserFields fields, SkyPrepWireNames names)
        {
            Optional(names.EmailParameter, fields.Email?.Trim());
            Optional("first_name", fields.FirstName);
            Optional("last_name", fields.LastName);
            Optional("role", fields.Role);
            Optional("company", fields.Company);
            Optional("title", fields.Title);
            Optional("cell", fields.Cell);
            Optional(names.SalesforceIdField, fields.SalesforceId);
            if (fields.EmailNotifications is bool notify) With("email_notifications", notify);
            foreach (var label in fields.CustomLabels)
                With(string.Format(CultureInfo.InvariantCulture, names.CustomLabelParameterFormat, label.Key), label.Value ?? "");
            return this;
        }

        private void Optional(string name, string? value)
        {
            if (value != null) With(name, value);
        }
    }
}
