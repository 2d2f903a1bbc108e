using System;
using System.IO;
using System.Runtime.InteropServices;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// chmod 600 on Linux and macOS (netstandard2.0 has no File.SetUnixFileMode, so libc it is).
    /// On Windows the per-user profile folder's ACL already keeps other users out, and secrets there
    /// are DPAPI-encrypted besides.
    /// </summary>
    internal static class OwnerOnlyPermissions
    {
        private const int OwnerReadWrite = 0x180; // 0600

        public static void Apply(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            if (chmod(path, OwnerReadWrite) != 0)
                throw new IOException($"Could not restrict '{path}' to its owner (chmod 600 failed, errno {Marshal.GetLastWin32Error()}).");
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string pathname, int mode);
    }
}
