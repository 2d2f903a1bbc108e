using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>
    /// Puts <c>Authorization: Bearer</c> on every API call; on a 401 (the token expired or was revoked) signs in again
    /// — once for all callers — and resends the request once. A 401 means the request was not carried out, so
    /// resending is safe even for a POST.
    /// </summary>
    internal sealed class ISpringAuthHandler : DelegatingHandler
    {
        private readonly ISpringTokenSource _tokens;

        public ISpringAuthHandler(ISpringTokenSource tokens, HttpMessageHandler inner) : base(inner)
        {
            _tokens = tokens;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await RequestCopier.BufferBodyAsync(request).ConfigureAwait(false);
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

            response.Dispose();
            var renewed = await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
            var again = RequestCopier.Copy(request, body);
            again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
            return await base.SendAsync(again, cancellationToken).ConfigureAwait(false);
        }
    }
}
