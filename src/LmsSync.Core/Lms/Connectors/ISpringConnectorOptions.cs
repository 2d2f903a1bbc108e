namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>What the iSpring Learn connector adds to its wire client's options.</summary>
    public sealed class ISpringConnectorOptions
    {
        /// <summary>
        /// Sent as <c>invitationMessage</c> with a welcome email when the client's own default is not set: iSpring
        /// refuses a welcome email without one.
        /// </summary>
        public const string DefaultInvitationMessage = "You have been given an account in iSpring Learn. Use the link below to sign in.";

        /// <summary>The role whose users count as LMS administrators (never changed by the sync).</summary>
        public string AdministratorRole { get; set; } = "administrator";
    }
}
