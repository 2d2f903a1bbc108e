using System;

namespace LmsSync.Core.Profiles
{
    /// <summary>What went wrong with a profile, so that callers (the cmdlets) can give each a stable error id.</summary>
    public enum ProfileErrorKind
    {
        /// <summary>No saved profile has that name.</summary>
        NotFound,
        /// <summary>The profile's files are broken, or a setting is missing or wrong.</summary>
        Invalid,
        /// <summary>A URL would send credentials over plain http to another machine.</summary>
        InsecureEndpoint,
        /// <summary>A connection option given for an LMS whose connector does not read it.</summary>
        OptionNotApplicable,
        /// <summary>A value given for a setting is out of range or malformed (the profile is unchanged).</summary>
        InvalidValue,
    }

    /// <summary>A profile cannot be loaded or used; the message names the file or setting and what to do.</summary>
    public sealed class ProfileException : Exception
    {
        public ProfileException(ProfileErrorKind kind, string message, Exception? inner = null) : base(message, inner)
        {
            Kind = kind;
        }

        public ProfileErrorKind Kind { get; }
    }
}
