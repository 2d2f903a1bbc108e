using System;
using LmsSync.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// How the client signs in. One subclass per OAuth flow; each keeps its secrets as
    /// <see cref="System.Security.SecureString"/> or an <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2"/>
    /// and reveals them only while building a token request body.
    /// </summary>
    public abstract class SalesforceCredential : IDisposable
    {
        /// <summary>The flow's name as people know it, e.g. <c>JWT bearer</c>.</summary>
        public abstract string FlowName { get; }

        /// <summary>The Salesforce username signing in, when the flow names one.</summary>
        public virtual string? Username => null;

        /// <summary>Refuses a setup that cannot work before any request is sent (e.g. client credentials at login.salesforce.com).</summary>
        internal virtual void CheckUsable(LoginTarget target, IActivityLog log)
        {
        }

        /// <summary>Builds the token request body; secrets become plain text here and nowhere else.</summary>
        internal abstract FormBody BuildTokenRequest(TokenRequestContext context);

        /// <summary>Sees each successful token response (refresh-token rotation needs it).</summary>
        internal virtual void OnSignedIn(JObject response)
        {
        }

        public override string ToString() => Username == null ? FlowName : FlowName + " as " + Username;

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
        }
    }

    /// <summary>What a credential needs from the connection to build its request.</summary>
    internal sealed class TokenRequestContext
    {
        public TokenRequestContext(string clientId, LoginTarget target, DateTimeOffset now)
        {
            ClientId = clientId;
            Target = target;
            Now = now;
        }

        public string ClientId { get; }

        public LoginTarget Target { get; }

        public DateTimeOffset Now { get; }
    }
}
