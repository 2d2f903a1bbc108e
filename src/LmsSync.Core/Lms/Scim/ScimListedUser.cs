using System.Collections.Generic;

namespace LmsSync.Core.Lms.Scim
{
    /// <summary>A user from a list read, with the fields asked for (<see cref="ScimFieldSet"/>) read out as it streamed by.</summary>
    internal sealed class ScimListedUser
    {
        public ScimListedUser(ScimUser user, IReadOnlyDictionary<string, string?> fields)
        {
            User = user;
            Fields = fields;
        }

        public ScimUser User { get; }

        /// <summary>Each field's value by the name it was asked for (case-insensitive); null when absent.</summary>
        public IReadOnlyDictionary<string, string?> Fields { get; }
    }
}
