using System;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// Holds the one session every call shares, and renews it single-flight: when many callers find the
    /// same session expired at once, exactly one sign-in runs and all of them get its result.
    /// </summary>
    internal sealed class SessionManager : IDisposable
    {
        private readonly Func<CancellationToken, Task<SalesforceSession>> _signIn;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly object _gate = new object();
        private Task<SalesforceSession>? _current;
        private int _signIns;

        public SessionManager(Func<CancellationToken, Task<SalesforceSession>> signIn)
        {
            _signIn = signIn;
        }

        /// <summary>How many sign-ins have started (first plus renewals).</summary>
        public int SignIns => Volatile.Read(ref _signIns);

        /// <summary>The current session, signing in first if there is none (or the last sign-in failed).</summary>
        public Task<SalesforceSession> GetAsync(CancellationToken cancellationToken)
        {
            Task<SalesforceSession> current;
            lock (_gate)
            {
                if (_current == null || _current.IsFaulted || _current.IsCanceled) _current = Start();
                current = _current;
            }
            return WaitAsync(current, cancellationToken);
        }

        /// <summary>
        /// A session newer than <paramref name="stale"/>: the one already renewed by another caller,
        /// the renewal in flight, or a new sign-in if nobody has started one.
        /// </summary>
        public Task<SalesforceSession> RenewAsync(SalesforceSession stale, CancellationToken cancellationToken)
        {
            Task<SalesforceSession> current;
            lock (_gate)
            {
                var inFlight = _current != null && !_current.IsCompleted;
                var alreadyRenewed = _current != null && _current.Status == TaskStatus.RanToCompletion && _current.Result.Generation > stale.Generation;
                if (!inFlight && !alreadyRenewed) _current = Start();
                current = _current!;
            }
            return WaitAsync(current, cancellationToken);
        }

        public void Dispose()
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }

        // The sign-in runs under the client's lifetime, not the first caller's token: one caller giving up
        // must not fail the sign-in the others are waiting for.
        private Task<SalesforceSession> Start()
        {
            Interlocked.Increment(ref _signIns);
            var token = _lifetime.Token;
            return Task.Run(() => _signIn(token), token);
        }

        private static async Task<SalesforceSession> WaitAsync(Task<SalesforceSession> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    throw new OperationCanceledException(cancellationToken);
            }
            return await task.ConfigureAwait(false);
        }
    }
}
