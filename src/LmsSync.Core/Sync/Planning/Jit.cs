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
        /// The same holds for the list-page readers (<c>ByteJsonReader</c>, the SCIM and iSpring stream readers): a read
        /// lasts a few seconds, most of which dynamic PGO spent in its instrumented tier. Compiled optimised at once, a
        /// 100,000-user SCIM no-op run took 5.7 s of CPU instead of 7.8 s, and 4.2–4.9 s instead of 4.6–5.5 s.
        /// </summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
