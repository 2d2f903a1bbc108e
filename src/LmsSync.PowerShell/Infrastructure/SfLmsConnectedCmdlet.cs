using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Engine;
using LmsSync.Core.Profiles;

namespace LmsSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The base of cmdlets that need a connection. It declares no parameter (a base's parameters appear on
    /// every derived cmdlet): a cmdlet that offers <c>-Profile</c> declares it itself, with
    /// <see cref="Completion.ProfileNameCompleter"/>, and passes it to <see cref="GetSessionAsync"/>.
    /// Use <see cref="RunConnected{T}"/> instead of Run so that Core's exceptions become errors with stable ids.
    /// </summary>
    public abstract class SfLmsConnectedCmdlet : SfLmsCmdlet, IDisposable
    {
        public const string NotConnectedMessage = "Run Connect-SfLms first, or pass -Profile <name> of a saved profile.";

        private readonly List<ActiveConnection> _opened = new List<ActiveConnection>();
        private PipelineQueue? _queue;

        /// <summary>
        /// The session to work with: the current connection's when <paramref name="profile"/> is null or names it;
        /// otherwise the named saved profile, opened for this command (scheduled runs need no prior Connect).
        /// Terminates with SfLms.NotConnected when there is neither.
        /// </summary>
        protected async Task<SyncSession> GetSessionAsync(string? profile, CancellationToken cancellationToken) =>
            (await GetConnectionAsync(profile, cancellationToken).ConfigureAwait(false)).Session;

        internal async Task<ActiveConnection> GetConnectionAsync(string? profile, CancellationToken cancellationToken)
        {
            var current = ConnectionState.Current;
            if (string.IsNullOrWhiteSpace(profile))
            {
                if (current == null) throw new SfLmsErrorException(ErrorIds.NotConnected, ErrorCategory.ConnectionError, NotConnectedMessage);
                return Attach(current);
            }
            if (current != null && string.Equals(current.Profile.Name, profile!.Trim(), StringComparison.OrdinalIgnoreCase)) return Attach(current);
            lock (_opened)
                foreach (var open in _opened)
                    if (string.Equals(open.Profile.Name, profile!.Trim(), StringComparison.OrdinalIgnoreCase)) return open;
            var store = ProfileStore.Default();
            var settings = store.Load(profile!);
            var opened = await ConnectionOpener.OpenAsync(settings, store.LoadSecrets(settings.Name), saved: true, Queue, cancellationToken).ConfigureAwait(false);
            lock (_opened) _opened.Add(opened);
            return opened;
        }

        /// <summary>True when <paramref name="profile"/> is null (no -Profile given) or names the current connection's profile.</summary>
        internal static bool NamesCurrent(string? profile)
        {
            if (string.IsNullOrWhiteSpace(profile)) return true;
            var current = ConnectionState.Current;
            return current != null && string.Equals(current.Profile.Name, profile!.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The connection configuration cmdlets edit; terminates with SfLms.NotConnected when there is none.</summary>
        internal ActiveConnection RequireCurrent() =>
            Attach(ConnectionState.Current ?? throw new SfLmsErrorException(ErrorIds.NotConnected, ErrorCategory.ConnectionError, NotConnectedMessage));

        /// <summary>Like Run, with the connection's log routed to this command and Core's exceptions mapped to stable error ids.</summary>
        internal T RunConnected<T>(Func<PipelineQueue, CancellationToken, Task<T>> work, object? target = null)
        {
            try
            {
                return Run((queue, token) =>
                {
                    _queue = queue;
                    return work(queue, token);
                });
            }
            catch (Exception e) when (CoreErrors.ToErrorRecord(e, target) != null)
            {
                ThrowTerminatingError(CoreErrors.ToErrorRecord(e, target)!);
                throw; // not reached: ThrowTerminatingError always throws
            }
            finally
            {
                if (_queue != null) ConnectionState.Current?.Log.Detach(_queue);
            }
        }

        internal void RunConnected(Func<PipelineQueue, CancellationToken, Task> work, object? target = null) =>
            RunConnected<bool>(async (queue, token) => { await work(queue, token).ConfigureAwait(false); return true; }, target);

        /// <summary>Stops with the error record of a Core exception caught on the pipeline thread (or rethrows one that is not Core's).</summary>
        internal void ThrowMapped(Exception e, object? target = null)
        {
            var record = CoreErrors.ToErrorRecord(e, target);
            if (record == null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e).Throw();
            ThrowTerminatingError(record!);
        }

        internal PipelineQueue Queue => _queue ?? throw new InvalidOperationException("GetSessionAsync is called inside RunConnected.");

        private ActiveConnection Attach(ActiveConnection connection)
        {
            connection.Log.Attach(Queue);
            return connection;
        }

        /// <summary>Closes the sessions this command opened from saved profiles (the current connection stays open).</summary>
        public void Dispose()
        {
            lock (_opened)
            {
                foreach (var open in _opened) open.Dispose();
                _opened.Clear();
            }
        }
    }
}
