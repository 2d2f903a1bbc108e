using System;
using System.Collections.Generic;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>iSpring's user status: 1 active, 3 inactive (deactivated), 5 terminated.</summary>
    public enum ISpringUserStatus
    {
        Active = 1,
        Inactive = 3,
        Terminated = 5,
    }

    /// <summary>A user as iSpring Learn returns it. <see cref="Fields"/> is keyed case-insensitively (<c>EMAIL</c> = <c>email</c>).</summary>
    public sealed class ISpringUser
    {
        public ISpringUser(string userId, string departmentId, int status, string role, IReadOnlyDictionary<string, string> fields,
            IReadOnlyList<string> groupIds, DateTimeOffset? addedDate, DateTimeOffset? lastLoginDate)
        {
            UserId = userId;
            DepartmentId = departmentId;
            StatusCode = status;
            Role = role;
            Fields = fields;
            GroupIds = groupIds;
            AddedDate = addedDate;
            LastLoginDate = lastLoginDate;
        }

        public string UserId { get; }
        public string DepartmentId { get; }

        /// <summary>The raw status number (1, 3, 5; anything else is kept as sent).</summary>
        public int StatusCode { get; }

        public ISpringUserStatus Status => (ISpringUserStatus)StatusCode;
        public bool IsActive => StatusCode == (int)ISpringUserStatus.Active;

        /// <summary><c>learner</c>, <c>administrator</c>, <c>department_administrator</c>, <c>publisher</c> or <c>custom</c>.</summary>
        public string Role { get; }

        /// <summary>Profile fields by name, case-insensitive, whichever shape (object or name/value list) the server sent.</summary>
        public IReadOnlyDictionary<string, string> Fields { get; }

        public IReadOnlyList<string> GroupIds { get; }
        public DateTimeOffset? AddedDate { get; }
        public DateTimeOffset? LastLoginDate { get; }

        public string? Login => Field("login");
        public string? Email => Field("email");
        public string? FirstName => Field("first_name");
        public string? LastName => Field("last_name");

        /// <summary>A field's value, or null when the user has none.</summary>
        public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

        public override string ToString() => $"{Login} ({UserId})";
    }

    /// <summary>A user to create. <see cref="DepartmentId"/> and the <c>login</c> field are required by iSpring.</summary>
    public sealed class ISpringNewUser
    {
        public string DepartmentId { get; set; } = "";

        /// <summary>Profile fields by iSpring name (<c>login</c>, <c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>job_title</c>, custom <c>USER_DEFINED_FIELDn</c>).</summary>
        public IDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Written to <see cref="ISpringClientOptions.SalesforceIdField"/>; setting it without that option is an error.</summary>
        public string? SalesforceId { get; set; }

        /// <summary>Null = iSpring's default (learner).</summary>
        public string? Role { get; set; }

        public IList<string> GroupIds { get; } = new List<string>();

        /// <summary>Send iSpring's welcome ("login") email. Always sent explicitly, so iSpring's own default never decides.</summary>
        public bool SendLoginEmail { get; set; }

        /// <summary>Required by iSpring when <see cref="SendLoginEmail"/> is on; falls back to <see cref="ISpringClientOptions.DefaultInvitationMessage"/>.</summary>
        public string? InvitationMessage { get; set; }
    }

    /// <summary>A partial update: only what is set is sent. A field set to "" is cleared.</summary>
    public sealed class ISpringUserUpdate
    {
        public string? DepartmentId { get; set; }
        public IDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string? SalesforceId { get; set; }
        public string? Role { get; set; }

        internal bool IsEmpty => DepartmentId == null && Fields.Count == 0 && SalesforceId == null && Role == null;
    }

    /// <summary>Filters of <c>GET /users/v2</c>: AND across kinds, OR within one.</summary>
    public sealed class ISpringUserQuery
    {
        public IList<string> DepartmentIds { get; } = new List<string>();
        public IList<string> GroupIds { get; } = new List<string>();
        public IList<string> Logins { get; } = new List<string>();
        public IList<string> Emails { get; } = new List<string>();
        public IList<string> UserIds { get; } = new List<string>();
    }
}
