using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>
    /// Sits at the bottom of a client's handler chain and counts every request that goes on the wire (each retry
    /// included) as a read or a write. Which is which is the LMS's business: SkyPrep reads with POST, iSpring
    /// searches with POST, so each connector passes its own rule.
    /// </summary>
    internal sealed class CallCountingHandler : DelegatingHandler
    {
        private readonly LmsCallCounters _counters;
        private readonly Func<HttpRequestMessage, bool> _isRead;

        public CallCountingHandler(LmsCallCounters counters, Func<HttpRequestMessage, bool> isRead, HttpMessageHandler inner)
            : base(inner)
        {
            _counters = counters;
            _isRead = isRead;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_isRead(request)) _counters.CountRead();
            else _counters.CountWrite();
            return base.SendAsync(request, cancellationToken);
        }

        /// <summary>GET and HEAD read; everything else writes.</summary>
        public static bool ByHttpMethod(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;

        /// <summary>The last segment of the request path, e.g. <c>get_users</c> or <c>token</c>.</summary>
        public static string LastSegment(HttpRequestMessage request)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var slash = path.TrimEnd('/').LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
