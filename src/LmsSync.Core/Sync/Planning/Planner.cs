using System;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Computes the plan: a pure function of its input (Salesforce users, LMS snapshot, state, mapping, rules,
    /// options and an injected clock). It reads no clock, file or network, and runs in time linear in the
    /// number of users.
    /// </summary>
    public static class Planner
    {
        /// <summary>
        /// The plan for one run. Throws <see cref="ArgumentException"/> only for input that validation would have
        /// rejected (an unknown time zone); everything about individual users lands in their rows.
        /// </summary>
        public static Plan Plan(PlanInput input)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            return new PlanBuilder(input, PerUser.Default).Build();
        }
    }
}
