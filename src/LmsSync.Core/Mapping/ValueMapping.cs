using System.Collections.Generic;

namespace LmsSync.Core.Mapping
{
    /// <summary>
    /// Where one LMS value comes from: the first non-blank of <see cref="Sources"/> (primary, secondary, …),
    /// else <see cref="Default"/>. Blank means null, empty or whitespace. A plain settable type so that
    /// profiles serialise to JSON.
    /// </summary>
    public abstract class ValueMapping
    {
        /// <summary>Salesforce field paths in order of preference (<c>Email</c>, <c>Manager.Email</c>).</summary>
        public List<string> Sources { get; set; } = new List<string>();

        /// <summary>A constant used when every source is blank; written as is (no transforms).</summary>
        public string? Default { get; set; }

        /// <summary>When <see cref="Default"/> is written; <see cref="Mapping.ApplyOn.Create"/> unless set.</summary>
        public ApplyOn ApplyOn { get; set; } = ApplyOn.Create;

        /// <summary>Transforms applied in order to the Salesforce value.</summary>
        public List<FieldTransform> Transforms { get; set; } = new List<FieldTransform>();

        /// <summary>
        /// A .NET date format (<c>yyyy-MM-dd</c>, <c>dd.MM.yyyy</c>) for date and datetime values; datetimes are
        /// formatted in UTC. Text that is not a date passes through unchanged.
        /// </summary>
        public string? DateFormat { get; set; }
    }
}
