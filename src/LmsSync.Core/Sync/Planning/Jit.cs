using System.Runtime.CompilerServices;

namespace LmsSync.Core.Sync
{
    /// <summary>How the planner's per-user code is compiled.</summary>
    internal static class Jit
    {
        /// <summary>
        /// A run plans its users once, right after the reads: methods called for each of 100,000 users would otherwise
        /// spend most of that pass in the runtime's unoptimised first-tier code (new methods keep arriving, which delays
        /// tiering up), and a cold plan cost about twice the CPU of a warm one. AggressiveOptimization compiles them
        /// optimised at once; netstandard2.0 lacks the name, and .NET Framework ignores the flag.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
