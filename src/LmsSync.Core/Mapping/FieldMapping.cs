namespace LmsSync.Core.Mapping
{
    /// <summary>Maps one LMS profile field (a name from the LMS's field catalogue) from Salesforce.</summary>
    public sealed class FieldMapping : ValueMapping
    {
        public FieldMapping() { }

        public FieldMapping(string lmsField, params string[] sources)
        {
            LmsField = lmsField;
            Sources.AddRange(sources);
        }

        /// <summary>The LMS field name, as the LMS's field catalogue names it (aliases are accepted).</summary>
        public string LmsField { get; set; } = "";

        /// <summary>
        /// When every source is blank and no default applies: true empties the LMS field, false (default)
        /// leaves the LMS value alone so that a blank in Salesforce never erases LMS data.
        /// </summary>
        public bool ClearWhenBlank { get; set; }
    }
}
