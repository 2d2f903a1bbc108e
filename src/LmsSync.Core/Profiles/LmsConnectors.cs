using System;
using System.Security;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Lms.Connectors;

namespace LmsSync.Core.Profiles
{
    /// <summary>The LMS connector of a profile's LMS section, through the connectors' factory.</summary>
    internal static class LmsConnectors
    {
        public static ILmsConnector Create(LmsProfile lms, SecureString? secret, IActivityLog log)
        {
            if (secret == null || secret.Length == 0)
                throw new ProfileException(ProfileErrorKind.Invalid,
                    $"The profile has no saved {lms.Kind} secret (the LMS credential's password). Connect again with Connect-SfLms -LmsCredential ... -Save.");
            // The connectors' factory (LmsConnectorFactory) is being finished on its own branch; wired in once it lands.
            throw new NotSupportedException($"The {lms.Kind} connector is not available in this build yet.");
        }
    }
}
