using System;
using System.Collections.Generic;
using LmsSync.Core.Sync;

namespace LmsSync.Core.Engine
{
    /// <summary>
    /// The order user rows are applied in. When one row takes an email or login that another row gives up in the
    /// same plan, the give-up must reach the LMS first (it refuses a duplicate). Rows come out giving-up first, and
    /// each row knows which earlier rows it must wait for. A swap (two rows taking each other's value) cannot be
    /// ordered; those rows do not wait, and the LMS's refusal becomes that user's Failure.
    /// </summary>
    internal sealed class ApplyOrder
    {
        private ApplyOrder(IReadOnlyList<PlanRow> rows, IReadOnlyList<IReadOnlyList<int>> waitFor)
        {
            Rows = rows;
            WaitFor = waitFor;
        }

        public IReadOnlyList<PlanRow> Rows { get; }

        /// <summary>For each row of <see cref="Rows"/>, the positions of earlier rows it waits for.</summary>
        public IReadOnlyList<IReadOnlyList<int>> WaitFor { get; }

        public static ApplyOrder For(IReadOnlyList<PlanRow> rows, IReadOnlyCollection<string> identityFields)
        {
            var dependsOn = DependsOn(rows, identityFields);
            if (dependsOn == null) return new ApplyOrder(rows, NoWaits(rows.Count));
            var dependents = new List<int>[rows.Count];
            var pending = new int[rows.Count];
            for (var i = 0; i < rows.Count; i++) dependents[i] = new List<int>();
            for (var i = 0; i < rows.Count; i++)
                foreach (var giver in dependsOn[i])
                {
                    dependents[giver].Add(i);
                    pending[i]++;
                }

            // Kahn's algorithm, stable: rows without dependencies keep their plan order.
            var order = new List<int>(rows.Count);
            var placed = new bool[rows.Count];
            var ready = new Queue<int>();
            for (var i = 0; i < rows.Count; i++) if (pending[i] == 0) ready.Enqueue(i);
            while (ready.Count > 0)
            {
                var next = ready.Dequeue();
                order.Add(next);
                placed[next] = true;
                foreach (var dependent in dependents[next])
                    if (--pending[dependent] == 0) ready.Enqueue(dependent);
            }
            var cyclic = new HashSet<int>();
            for (var i = 0; i < rows.Count; i++)
                if (!placed[i])
                {
                    order.Add(i);
                    cyclic.Add(i);
                }

            var position = new int[rows.Count];
            for (var p = 0; p < order.Count; p++) position[order[p]] = p;
            var ordered = new PlanRow[rows.Count];
            var waits = new IReadOnlyList<int>[rows.Count];
            for (var p = 0; p < order.Count; p++)
            {
                var original = order[p];
                ordered[p] = rows[original];
                var list = new List<int>();
                foreach (var dependency in dependsOn[original])
                    if (!(cyclic.Contains(original) && cyclic.Contains(dependency))) list.Add(position[dependency]);
                waits[p] = list;
            }
            return new ApplyOrder(ordered, waits);
        }

        /// <summary>
        /// For each row, whether it gives up an email or login another row takes, or takes one another row gives up.
        /// Such rows must be applied in <see cref="For"/>'s order; the others depend on no row and none on them, so they
        /// may be applied apart (in batches, before or alongside the ordered rows).
        /// </summary>
        public static bool[] Entangled(IReadOnlyList<PlanRow> rows, IReadOnlyCollection<string> identityFields)
        {
            var entangled = new bool[rows.Count];
            var dependsOn = DependsOn(rows, identityFields);
            if (dependsOn == null) return entangled;
            for (var i = 0; i < rows.Count; i++)
                foreach (var giver in dependsOn[i])
                {
                    entangled[i] = true;
                    entangled[giver] = true;
                }
            return entangled;
        }

        /// <summary>For each row, the rows that give up a value it takes; null when no row gives up anything.</summary>
        private static List<int>[]? DependsOn(IReadOnlyList<PlanRow> rows, IReadOnlyCollection<string> identityFields)
        {
            var releasedBy = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < rows.Count; i++)
                foreach (var change in rows[i].Changes)
                    if (IsIdentity(change, identityFields) && !string.IsNullOrWhiteSpace(change.Old) && !Same(change.Old, change.New))
                        Add(releasedBy, change.Old!.Trim(), i);
            if (releasedBy.Count == 0) return null;

            var dependsOn = new List<int>[rows.Count];
            for (var i = 0; i < rows.Count; i++) dependsOn[i] = new List<int>();
            for (var i = 0; i < rows.Count; i++)
                foreach (var change in rows[i].Changes)
                    if (IsIdentity(change, identityFields) && !string.IsNullOrWhiteSpace(change.New) && !Same(change.Old, change.New)
                        && releasedBy.TryGetValue(change.New!.Trim(), out var givers))
                        foreach (var giver in givers)
                            if (giver != i && !dependsOn[i].Contains(giver)) dependsOn[i].Add(giver);
            return dependsOn;
        }

        private static bool IsIdentity(FieldChange change, IReadOnlyCollection<string> identityFields)
        {
            foreach (var field in identityFields)
                if (string.Equals(field, change.Field, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

        private static void Add(Dictionary<string, List<int>> map, string key, int index)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<int>();
            list.Add(index);
        }

        private static IReadOnlyList<int>[] NoWaits(int count)
        {
            var none = new int[0];
            var waits = new IReadOnlyList<int>[count];
            for (var i = 0; i < count; i++) waits[i] = none;
            return waits;
        }
    }
}
