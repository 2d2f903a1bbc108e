using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Runs a planning step that is pure per user (it reads shared data and writes only its own users' slots) over
    /// consecutive chunks of users, on every core once there are enough users to be worth it. Chunks are numbered in
    /// order, so a step that collects results per chunk can join them in input order: the plan is the same as when run
    /// on one thread. Steps that depend on order (claims, identity collisions, organisation changes, row order) stay
    /// sequential in the caller.
    /// </summary>
    internal sealed class PerUser
    {
        /// <summary>
        /// Below some thousands of users a plan takes a few milliseconds, less than waking other threads is worth. A
        /// chunk of 2,048 users is about 2 ms of work: small enough for two cores to share the tail of a 100,000-user
        /// plan, large enough that handing out chunks costs nothing measurable.
        /// </summary>
        public static readonly PerUser Default = new PerUser(minUsers: 8_192, chunkSize: 2_048);

        /// <summary>Everything on the calling thread, one chunk (tests compare plans made both ways).</summary>
        public static readonly PerUser Sequential = new PerUser(int.MaxValue, int.MaxValue);

        /// <summary>
        /// Unbounded, Parallel.For spreads over every thread-pool thread it gets, and after the reads the pool holds
        /// many: more threads than cores only take turns, each chunk's data evicting the other's from the cache.
        /// </summary>
        private static readonly ParallelOptions OneThreadPerCore = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        private readonly int _minUsers;

        public PerUser(int minUsers, int chunkSize)
        {
            if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize));
            _minUsers = minUsers;
            ChunkSize = chunkSize;
        }

        public int ChunkSize { get; }

        /// <summary>Whether <paramref name="count"/> users are run on several threads.</summary>
        public bool Parallel(int count) => count >= _minUsers && count > ChunkSize && Environment.ProcessorCount > 1;

        /// <summary>How many chunks <see cref="For"/> and <see cref="Map"/> call the step with (at least one, possibly empty).</summary>
        public int Chunks(int count) => Parallel(count) ? (count + ChunkSize - 1) / ChunkSize : 1;

        /// <summary>
        /// Calls <paramref name="step"/>(from, to) for the users from..to-1 of each chunk, on several threads when there
        /// are many users. A failure is rethrown as itself, as a sequential run would throw it.
        /// </summary>
        public void For(int count, Action<int, int> step) => Chunked(count, (_, from, to) => step(from, to));

        /// <summary>
        /// <paramref name="step"/>(from, to)'s result for each chunk, in chunk order: a step that collects per chunk is
        /// joined in input order, as one pass on one thread would have collected it.
        /// </summary>
        public T[] Map<T>(int count, Func<int, int, T> step)
        {
            var results = new T[Chunks(count)];
            Chunked(count, (chunk, from, to) => results[chunk] = step(from, to));
            return results;
        }

        private void Chunked(int count, Action<int, int, int> step)
        {
            if (!Parallel(count))
            {
                step(0, 0, count);
                return;
            }
            Rethrown(() => System.Threading.Tasks.Parallel.For(0, Chunks(count), OneThreadPerCore, chunk =>
            {
                var from = chunk * ChunkSize;
                step(chunk, from, Math.Min(count, from + ChunkSize));
            }));
        }

        /// <summary>Runs independent steps over <paramref name="count"/> users, at the same time when there are many.</summary>
        public void Invoke(int count, params Action[] steps)
        {
            if (Parallel(count)) Rethrown(() => System.Threading.Tasks.Parallel.Invoke(OneThreadPerCore, steps));
            else
                foreach (var step in steps) step();
        }

        /// <summary>A failure on another thread is rethrown as itself, as a sequential run would throw it.</summary>
        private static void Rethrown(Action parallel)
        {
            try
            {
                parallel();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
        }
    }
}
