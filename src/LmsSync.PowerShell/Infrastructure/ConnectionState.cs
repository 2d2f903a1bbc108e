using System.Threading;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The current connection of this process (Connect-SfLms sets it, Disconnect-SfLms clears it), like
    /// Az's and Graph's context. One per process: runspaces in one process share it, as they share the module.
    /// </summary>
    internal static class ConnectionState
    {
        private static ActiveConnection? _current;

        public static ActiveConnection? Current => Volatile.Read(ref _current);

        /// <summary>Makes <paramref name="connection"/> current and closes the one it replaces.</summary>
        public static void Set(ActiveConnection connection)
        {
            var previous = Interlocked.Exchange(ref _current, connection);
            if (previous != null && !ReferenceEquals(previous, connection)) previous.Dispose();
        }

        /// <summary>Closes and forgets the current connection; returns it (null when there was none).</summary>
        public static ActiveConnection? Clear()
        {
            var previous = Interlocked.Exchange(ref _current, null);
            previous?.Dispose();
            return previous;
        }
    }
}
