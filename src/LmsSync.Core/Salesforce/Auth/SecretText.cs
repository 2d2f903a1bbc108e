using System;
using System.Runtime.InteropServices;
using System.Security;

namespace LmsSync.Core.Salesforce.Auth
{
    /// <summary>
    /// The only place a <see cref="SecureString"/> becomes plain text, and only for the moment a request
    /// is built: the unmanaged copy is zeroed at once; the managed string lives as long as the request.
    /// </summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <summary>A read-only SecureString holding <paramref name="text"/> (for values Salesforce hands us, e.g. tokens).</summary>
        public static SecureString Protect(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>A read-only copy, so a credential never depends on a SecureString its caller may dispose or change.</summary>
        public static SecureString Copy(SecureString secret)
        {
            var copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }
}
