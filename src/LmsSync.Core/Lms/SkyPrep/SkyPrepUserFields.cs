using System;
using System.Collections.Generic;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>
    /// Values to send to <c>create_user</c> or <c>update_user</c>. A null property is not sent (left as it is);
    /// an empty string is sent and clears the field.
    /// </summary>
    public sealed class SkyPrepUserFields
    {
        public string? Email { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        /// <summary><c>admin</c>, <c>learner</c>, <c>content_manager</c> or <c>manager</c>; blank means learner.</summary>
        public string? Role { get; set; }

        public string? Company { get; set; }
        public string? Title { get; set; }

        /// <summary>Mobile phone (<c>cell</c>).</summary>
        public string? Cell { get; set; }

        /// <summary>Written to <see cref="SkyPrepWireNames.SalesforceIdField"/> (<c>user_identifier</c> by default).</summary>
        public string? SalesforceId { get; set; }

        /// <summary>SkyPrep's per-user notification switch (<c>email_notifications</c>); not the welcome email.</summary>
        public bool? EmailNotifications { get; set; }

        /// <summary>Custom labels (SkyPrep's custom fields) by label name.</summary>
        public IDictionary<string, string?> CustomLabels { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }
}
