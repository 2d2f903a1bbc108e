namespace LmsSync.Core.Mapping
{
    /// <summary>One mapped value with its provenance: which Salesforce field (or default) fed it.</summary>
    public sealed class MappedValue
    {
        public MappedValue(string? value, ValueOrigin origin, string? sourceField, ApplyOn applyOn = ApplyOn.Always, bool clearWhenBlank = false)
        {
            Value = value;
            Origin = origin;
            SourceField = sourceField;
            ApplyOn = applyOn;
            ClearWhenBlank = clearWhenBlank;
        }

        /// <summary>The value to write; null when nothing applied.</summary>
        public string? Value { get; }

        public ValueOrigin Origin { get; }

        /// <summary>The Salesforce field that fed the value (or the public group's name), else null.</summary>
        public string? SourceField { get; }

        /// <summary>When the value applies: a Salesforce value always; a default as its mapping says.</summary>
        public ApplyOn ApplyOn { get; }

        /// <summary>A null value empties the LMS field instead of leaving it alone.</summary>
        public bool ClearWhenBlank { get; }

        /// <summary>Whether an update of an existing user writes this value.</summary>
        public bool AppliesOnUpdate => ApplyOn == ApplyOn.Always && (Value != null || ClearWhenBlank);

        public override string ToString() => Origin switch
        {
            ValueOrigin.SalesforceField => $"{Value} (from {SourceField})",
            ValueOrigin.Default => $"{Value} (default, {ApplyOn})",
            ValueOrigin.PublicGroup => $"{Value} (public group)",
            ValueOrigin.SalesforceId => $"{Value} (Salesforce Id)",
            _ => "(blank)",
        };
    }
}
