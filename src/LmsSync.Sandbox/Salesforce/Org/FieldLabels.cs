using System.Text;

namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>Derives a UI label from an API name the way Salesforce's standard labels read
/// ("FirstName" → "First Name", "ManagerId" → "Manager ID", "Hire_Date__c" → "Hire Date").</summary>
internal static class FieldLabels
{
    public static string FromApiName(string name)
    {
        var core = name.EndsWith("__c", System.StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        if (core.Length > 2 && core.EndsWith("Id", System.StringComparison.Ordinal) && char.IsLower(core[^3]))
        {
            core = core[..^2] + " ID";
        }

        var label = new StringBuilder(core.Length + 4);
        for (var i = 0; i < core.Length; i++)
        {
            var c = core[i];
            if (c == '_')
            {
                label.Append(' ');
                continue;
            }

            // A capital that follows a lower-case letter starts a new word.
            if (i > 0 && char.IsUpper(c) && char.IsLower(core[i - 1]))
            {
                label.Append(' ');
            }

            label.Append(c);
        }

        return label.ToString();
    }
}
