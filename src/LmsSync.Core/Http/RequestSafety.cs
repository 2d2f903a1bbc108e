using System.Net.Http;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// Whether a request may be sent twice. GET, HEAD, PUT, DELETE and OPTIONS are; a POST is only when
    /// its caller says so (an RPC-style read such as SkyPrep's <c>get_users</c>, or a token request).
    /// </summary>
    public static class RequestSafety
    {
        private const string Key = "LmsSync.SafeToRetry";

        public static HttpRequestMessage MarkSafeToRetry(this HttpRequestMessage request)
        {
            request.Properties[Key] = true;
            return request;
        }

        public static bool IsSafeToRetry(this HttpRequestMessage request)
        {
            var method = request.Method.Method;
            if (method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS") return true;
            return request.Properties.TryGetValue(Key, out var flag) && flag is true;
        }
    }
}
