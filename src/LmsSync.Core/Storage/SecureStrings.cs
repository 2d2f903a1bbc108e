using System;
using System.Runtime.InteropServices;
using System.Security;

namespace LmsSync.Core.Storage
{
    /// <summary>SecureString in and out, the one place secrets become plain text (briefly, for a request or a cipher).</summary>
    public static class SecureStrings
    {
        public static SecureString FromPlain(string plain)
        {
            var secure = new SecureString();
            foreach (var c in plain) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>The plain text. Call it where the value is about to leave the process, and keep the result local.</summary>
        public static string ToPlain(SecureString secure)
        {
            if (secure == null) throw new ArgumentNullException(nameof(secure));
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? "";
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
