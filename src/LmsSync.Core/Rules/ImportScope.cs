using System.Collections.Generic;

namespace LmsSync.Core.Rules
{
    /// <summary>
    /// Which departments and groups sync (iSpring's "choose departments and groups to sync"). An empty list
    /// means "all". With departments listed, a user whose mapped department is not listed is skipped. With
    /// groups listed, a user in none of them is skipped, and only the listed groups are joined or left.
    /// Names compare case-insensitively.
    /// </summary>
    public sealed class ImportScope
    {
        public List<string> IncludedDepartments { get; set; } = new List<string>();
        public List<string> IncludedGroups { get; set; } = new List<string>();
    }
}
