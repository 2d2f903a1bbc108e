using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> token request body. Holds the encoded bytes only;
    /// it is built immediately before the POST and dropped with the request.
    /// </summary>
    internal sealed class FormBody
    {
        private readonly StringBuilder _text = new StringBuilder();

        public FormBody Add(string name, string value)
        {
            if (_text.Length > 0) _text.Append('&');
            _text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            return this;
        }

        public HttpContent ToContent()
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(_text.ToString()));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            _text.Clear();
            return content;
        }
    }
}
