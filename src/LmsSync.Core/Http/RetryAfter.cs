using System;
using System.Net.Http;

namespace LmsSync.Core.Http
{
    /// <summary>Reads a <c>Retry-After</c> header in either form (seconds, or an HTTP date).</summary>
    public static class RetryAfter
    {
        public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta;
            if (header.Date is DateTimeOffset date) return date > now ? date - now : TimeSpan.Zero;
            return null;
        }
    }
}
