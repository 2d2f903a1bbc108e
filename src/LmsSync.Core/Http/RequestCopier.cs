using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace LmsSync.Core.Http
{
    /// <summary>An HttpRequestMessage can be sent once; a retry sends a copy with the same body bytes.</summary>
    internal static class RequestCopier
    {
        public static async Task<BufferedBody?> BufferBodyAsync(HttpRequestMessage request)
        {
            if (request.Content == null) return null;
            var bytes = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return new BufferedBody(bytes, request.Content.Headers);
        }

        public static HttpRequestMessage Copy(HttpRequestMessage original, BufferedBody? body)
        {
            var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            foreach (var property in original.Properties) copy.Properties[property.Key] = property.Value;
            if (body != null)
            {
                copy.Content = new ByteArrayContent(body.Bytes);
                foreach (var header in body.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return copy;
        }

        internal sealed class BufferedBody
        {
            public BufferedBody(byte[] bytes, HttpContentHeaders headers)
            {
                Bytes = bytes;
                Headers = new List<KeyValuePair<string, IEnumerable<string>>>(headers);
            }

            public byte[] Bytes { get; }
            public IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers { get; }
        }
    }
}
