using System;
using System.Collections.Generic;
using LmsSync.Core.Mapping;

namespace LmsSync.Core.Views
{
    /// <summary>Where an LMS value came from, in the words of the mapping screen.</summary>
    public enum PayloadValueSource
    {
        /// <summary>Every Salesforce field was blank and no default applied: the LMS field is left alone (or cleared).</summary>
        None,
        /// <summary>The mapping's first Salesforce field.</summary>
        Primary,
        /// <summary>The second field, used because the primary was blank.</summary>
        Secondary,
        /// <summary>A third or later field, used because every earlier one was blank.</summary>
        Fallback,
        /// <summary>The mapping's constant default.</summary>
        Default,
        /// <summary>One of the user's Salesforce public groups.</summary>
        PublicGroup,
        /// <summary>The Salesforce record Id itself.</summary>
        SalesforceId,
    }

    /// <summary>One LMS field of a payload: its value, and which Salesforce field (or default) fed it.</summary>
    public sealed class PayloadValue
    {
        public PayloadValue(string lmsField, string? value, PayloadValueSource source, string? salesforceField, ApplyOn applyOn)
        {
            LmsField = lmsField;
            Value = value;
            Source = source;
            SalesforceField = salesforceField;
            ApplyOn = applyOn;
        }

        public string LmsField { get; }
        public string? Value { get; }
        public PayloadValueSource Source { get; }
        public string? SalesforceField { get; }

        /// <summary>Create: written only when the user is created (a default's usual setting); Always: on every update too.</summary>
        public ApplyOn ApplyOn { get; }

        public override string ToString() => Source switch
        {
            PayloadValueSource.None => $"{LmsField} = (blank)",
            PayloadValueSource.Default => $"{LmsField} = '{Value}' (default, on {ApplyOn})",
            PayloadValueSource.PublicGroup => $"{LmsField} = '{Value}' (public group)",
            PayloadValueSource.SalesforceId => $"{LmsField} = '{Value}' (Salesforce Id)",
            _ => $"{LmsField} = '{Value}' ({Source}: {SalesforceField})",
        };

        /// <summary>Names the source of a mapped value by its place in the mapping's list of Salesforce fields.</summary>
        public static PayloadValue From(string lmsField, MappedValue value, ValueMapping? mapping)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return new PayloadValue(lmsField, value.Value, SourceOf(value, mapping?.Sources), value.SourceField, value.ApplyOn);
        }

        private static PayloadValueSource SourceOf(MappedValue value, IReadOnlyList<string>? sources)
        {
            switch (value.Origin)
            {
                case ValueOrigin.Default: return PayloadValueSource.Default;
                case ValueOrigin.PublicGroup: return PayloadValueSource.PublicGroup;
                case ValueOrigin.SalesforceId: return PayloadValueSource.SalesforceId;
                case ValueOrigin.SalesforceField:
                    var index = IndexOf(sources, value.SourceField);
                    return index <= 0 ? PayloadValueSource.Primary : index == 1 ? PayloadValueSource.Secondary : PayloadValueSource.Fallback;
                default: return PayloadValueSource.None;
            }
        }

        private static int IndexOf(IReadOnlyList<string>? sources, string? field)
        {
            if (sources == null || field == null) return 0;
            for (var i = 0; i < sources.Count; i++)
                if (string.Equals(sources[i], field, StringComparison.OrdinalIgnoreCase)) return i;
            return 0;
        }
    }
}
