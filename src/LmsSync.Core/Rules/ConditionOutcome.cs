namespace LmsSync.Core.Rules
{
    /// <summary>How one condition came out for one user: what was compared and the result.</summary>
    public sealed class ConditionOutcome
    {
        public ConditionOutcome(RuleCondition condition, string? actual, bool result, string? note)
        {
            Condition = condition;
            Actual = actual;
            Result = result;
            Note = note;
        }

        public RuleCondition Condition { get; }

        /// <summary>The field's value as text (null when blank).</summary>
        public string? Actual { get; }

        public bool Result { get; }

        /// <summary>Why a condition was false for a reason other than the comparison (blank, not a number, regex time-out).</summary>
        public string? Note { get; }

        public override string ToString() => $"{Condition} → {(Result ? "true" : "false")} (value: {Actual ?? "blank"}{(Note == null ? "" : "; " + Note)})";
    }
}
