using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// Windows DPAPI (current-user scope) through crypt32 directly: the ProtectedData package would be one
    /// more assembly in every PowerShell process that loads this module.
    /// </summary>
    internal static class Dpapi
    {
        private const int UiForbidden = 0x1;

        public static byte[] Protect(byte[] plain) => Transform(plain, protect: true);

        public static byte[] Unprotect(byte[] cipher) => Transform(cipher, protect: false);

        private static byte[] Transform(byte[] input, bool protect)
        {
            var inBlob = new DataBlob();
            var outBlob = new DataBlob();
            var handle = GCHandle.Alloc(input, GCHandleType.Pinned);
            try
            {
                inBlob.Size = input.Length;
                inBlob.Data = handle.AddrOfPinnedObject();
                var ok = protect
                    ? CryptProtectData(ref inBlob, null, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob)
                    : CryptUnprotectData(ref inBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outBlob);
                if (!ok) throw new Win32Exception(Marshal.GetLastWin32Error(), protect ? "DPAPI could not protect the secret." : "DPAPI could not read the secret: it was saved by another Windows user or machine. Save the profile again as this user.");
                var result = new byte[outBlob.Size];
                Marshal.Copy(outBlob.Data, result, 0, outBlob.Size);
                return result;
            }
            finally
            {
                handle.Free();
                if (outBlob.Data != IntPtr.Zero)
                {
                    ZeroMemory(outBlob.Data, (UIntPtr)outBlob.Size);
                    LocalFree(outBlob.Data);
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct DataBlob
        {
            public int Size;
            public IntPtr Data;
        }

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true)]
        private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);

        [DllImport("kernel32.dll", EntryPoint = "RtlZeroMemory")]
        private static extern void ZeroMemory(IntPtr destination, UIntPtr length);
    }
}
