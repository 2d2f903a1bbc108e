using System;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Lms.SkyPrep;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Turns each client's own exception into one <see cref="LmsConnectorException"/>, keeping the LMS's text
    /// (the clients' messages already quote it and say what to do) and sorting it into authentication,
    /// transient (worth a later try) or other. Client messages never hold secrets, so they pass through as they are.
    /// </summary>
    internal static class ConnectorErrors
    {
        public static async Task<T> Guard<T>(string lms, string credentialHint, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is LmsConnectorException) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw Translate(e, lms, credentialHint);
            }
        }

        public static async Task Guard(string lms, string credentialHint, Func<Task> call, CancellationToken cancellationToken)
        {
            await Guard<bool>(lms, credentialHint, async () =>
            {
                await call().ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The same for work that makes no call (building a preview).</summary>
        public static T Guard<T>(string lms, string credentialHint, Func<T> work)
        {
            try
            {
                return work();
            }
            catch (Exception e) when (!(e is LmsConnectorException))
            {
                throw Translate(e, lms, credentialHint);
            }
        }

        public static LmsConnectorException Translate(Exception e, string lms, string credentialHint)
        {
            switch (e)
            {
                case ISpringApiException i:
                    return Http(i.Message, i.StatusCode, credentialHint, i);
                case ScimException s:
                    return Http(s.Message, s.StatusCode, credentialHint, s);
                case SkyPrepException k:
                    return SkyPrep(k, credentialHint);
                case OperationCanceledException c:
                    // Not the caller's cancellation (filtered above): an attempt timed out.
                    return new LmsConnectorException($"{lms} did not answer in time: {c.Message} Try again later.", 0, false, true, c);
                case ArgumentException a:
                    return new LmsConnectorException($"{lms} cannot be sent this: {a.Message}", 0, false, false, a);
                case InvalidOperationException o:
                    return new LmsConnectorException(o.Message, 0, false, false, o);
                default:
                    return new LmsConnectorException($"{lms} call failed: {e.Message}", 0, false, false, e);
            }
        }

        private static LmsConnectorException Http(string message, int status, string credentialHint, Exception inner)
        {
            var authentication = status == 401 || status == 403;
            var transient = status == 0 && inner.InnerException != null || status == 408 || status == 429 || status >= 500;
            return new LmsConnectorException(authentication ? message + " " + credentialHint : message, status, authentication, transient, inner);
        }

        private static LmsConnectorException SkyPrep(SkyPrepException e, string credentialHint)
        {
            var authentication = e.Kind == SkyPrepErrorKind.Authentication || e.Kind == SkyPrepErrorKind.WrongAccount;
            var transient = e.Kind == SkyPrepErrorKind.RateLimited || e.Kind == SkyPrepErrorKind.Server || e.Kind == SkyPrepErrorKind.Unreachable;
            var message = e.LmsMessage != null && !e.Message.Contains(e.LmsMessage) ? $"{e.Message} (SkyPrep said: {e.LmsMessage})" : e.Message;
            return new LmsConnectorException(authentication ? message + " " + credentialHint : message, e.StatusCode, authentication, transient, e);
        }
    }
}
