using System;
using System.Net.Http;

namespace LmsSync.Core.Http
{
    /// <summary>
    /// The socket-level handler an LMS client sends through, allowed as many connections to the host as the client may
    /// have requests in flight. On .NET Framework (Windows PowerShell 5.1) a handler otherwise gets
    /// <c>ServicePointManager.DefaultConnectionLimit</c>, 2 per host, which would cap an adaptive limit of 16 at 2.
    /// </summary>
    internal static class NetworkHandler
    {
        /// <summary>.NET Framework's default connections per host; never set lower than that.</summary>
        private const int FrameworkDefault = 2;

        public static HttpClientHandler Create(int maxInFlight)
        {
            var handler = new HttpClientHandler();
            var connections = Math.Max(FrameworkDefault, maxInFlight);
            try
            {
                handler.MaxConnectionsPerServer = connections;
            }
            catch (PlatformNotSupportedException)
            {
                // .NET Framework 4.6.1–4.7 (before 4.7.1) has no such setting: the process-wide limit applies there. Changing
                // ServicePointManager would change it for every module in the shared PowerShell process, so it is left alone.
            }
            return handler;
        }
    }
}
