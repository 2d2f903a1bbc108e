using System;
using System.Collections.Generic;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Profile fields a connector builds for one <see cref="LmsUser"/> alone, keyed case-insensitively as
    /// <see cref="LmsUser.Fields"/> is: the user keeps this dictionary instead of copying it (a 100,000-user read made
    /// one copy per user for nothing). Do not change it after handing it to the user.
    /// </summary>
    internal sealed class LmsUserFields : Dictionary<string, string?>
    {
        public LmsUserFields(int capacity) : base(capacity, StringComparer.OrdinalIgnoreCase)
        {
        }
    }
}
