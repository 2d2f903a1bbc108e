using System;
using System.Runtime.InteropServices;
using System.Security;

namespace LmsSync.Core.Lms.ISpring
{
    /// <summary>The one place a SecureString becomes text: only to build the token request body.</summary>
    internal static class ISpringSecret
    {
        public static string Reveal(SecureString secret)
        {
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
    }
}
