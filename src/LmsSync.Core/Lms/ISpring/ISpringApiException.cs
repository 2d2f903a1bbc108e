using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// iSpring Learn answered a call with an error (or with something unreadable). Carries the HTTP status and
    /// iSpring's own <c>ErrorResponse {code, message}</c>; the message says what to do next. Never holds a secret.
    /// </summary>
    public sealed class ISpringApiException : Exception
    {
        public ISpringApiException(string operation, int statusCode, int? errorCode, string? lmsMessage, string? advice = null, Exception? inner = null)
            : base(Compose(operation, statusCode, lmsMessage, advice ?? AdviceFor(statusCode)), inner)
        {
            Operation = operation;
            StatusCode = statusCode;
            ErrorCode = errorCode;
            LmsMessage = lmsMessage;
        }

        private ISpringApiException(string operation, string message, Exception inner) : base(message, inner)
        {
            Operation = operation;
        }

        /// <summary>The call never got an answer (connection failed or timed out, after the retries allowed).</summary>
        internal static ISpringApiException Unreachable(string operation, Exception inner) =>
            new ISpringApiException(operation, $"iSpring Learn could not be reached for {operation}: {inner.Message} Check BaseUrl, the network and any proxy, then try again.", inner);

        /// <summary>Sends a request; a connection failure or timeout becomes <see cref="Unreachable"/> for <paramref name="operation"/>.</summary>
        internal static Task<HttpResponseMessage> SendOrUnreachableAsync(HttpMessageInvoker http, HttpRequestMessage request, string operation, CancellationToken cancellationToken) =>
            OrUnreachableAsync(http.SendAsync(request, cancellationToken), operation);

        /// <summary>Awaits a send or a body being received; a connection failure or timeout becomes <see cref="Unreachable"/> for <paramref name="operation"/>.</summary>
        internal static async Task<T> OrUnreachableAsync<T>(Task<T> transfer, string operation)
        {
            try
            {
                return await transfer.ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw Unreachable(operation, e);
            }
            catch (IOException e)
            {
                throw Unreachable(operation, e);
            }
            catch (TimeoutException e)
            {
                throw Unreachable(operation, e);
            }
        }

        /// <summary>Method and path, without the query string (which may hold emails).</summary>
        public string Operation { get; }

        /// <summary>The HTTP status; 0 when the answer came back but could not be used (unreadable, or without the expected effect).</summary>
        public int StatusCode { get; }

        /// <summary>iSpring's <c>code</c>, when it sent one.</summary>
        public int? ErrorCode { get; }

        /// <summary>iSpring's <c>message</c>, when it sent one.</summary>
        public string? LmsMessage { get; }

        public bool IsConflict => StatusCode == 409;
        public bool IsNotFound => StatusCode == 404;
        public bool IsValidation => StatusCode == 400;

        private static string Compose(string operation, int status, string? lmsMessage, string advice)
        {
            var what = status == 0 ? $"iSpring Learn's answer to {operation} was not usable" : $"iSpring Learn refused {operation} with HTTP {status}";
            var said = string.IsNullOrWhiteSpace(lmsMessage) ? "" : $": {lmsMessage!.Trim().TrimEnd('.')}";
            return $"{what}{said}. {advice}";
        }

        private static string AdviceFor(int status)
        {
            switch (status)
            {
                case 400: return "Fix the request (required fields, ids, field names) and try again.";
                case 401: return "Check the API key's client id and secret (iSpring Learn → Account settings → API) and that it is not revoked.";
                case 403: return "The API key lacks permission for this; the REST API needs the Business plan and an administrator's key.";
                case 404: return "The user, group or department does not exist (any more) in iSpring Learn; read it again.";
                case 409: return "A user with the same login or email (or a department/group with the same name) already exists; match it instead of creating a new one.";
                case 429: return "iSpring Learn is limiting requests; lower MaxConcurrentRequests or try again later.";
                default:
                    return status >= 500 ? "iSpring Learn had a server error; try again later." : "Try again; if it persists, check the iSpring Learn status page.";
            }
        }
    }
}
