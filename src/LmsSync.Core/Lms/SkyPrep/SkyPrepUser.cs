using System.Collections.Generic;

namespace LmsSync.Core.Lms.SkyPrep
{
    /// <summary>A SkyPrep user as <c>get_user</c> / <c>get_users</c> return it.</summary>
    public sealed class SkyPrepUser
    {
        public long Id { get; set; }

        /// <summary>Also the login, unless the account enables usernames.</summary>
        public string Email { get; set; } = "";

        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        /// <summary><c>admin</c>, <c>learner</c>, <c>content_manager</c> or <c>manager</c>.</summary>
        public string? Role { get; set; }

        public string? Company { get; set; }
        public string? Title { get; set; }

        /// <summary>Mobile phone (<c>cell</c>).</summary>
        public string? Cell { get; set; }

        /// <summary>The Salesforce Id kept in the LMS (<c>user_identifier</c> by default; see <see cref="SkyPrepWireNames.SalesforceIdField"/>).</summary>
        public string? SalesforceId { get; set; }

        /// <summary>False when login is disabled; null when the answer had none of the status fields the client knows (status, disabled, active).</summary>
        public bool? IsActive { get; set; }

        public bool? EmailNotifications { get; set; }

        /// <summary>SkyPrep's custom fields, by label name (case-insensitive).</summary>
        public IReadOnlyDictionary<string, string?> CustomLabels { get; set; } = new Dictionary<string, string?>();

        /// <summary>The user's groups when the answer listed them; null when it did not (then ask with <see cref="SkyPrepClient.GetGroupsOfUserAsync"/>).</summary>
        public IReadOnlyList<SkyPrepGroup>? Groups { get; set; }

        public override string ToString() => $"{Email} ({Id})";
    }
}
