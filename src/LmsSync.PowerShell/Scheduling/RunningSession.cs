using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace LmsSync.PowerShell.Scheduling
{
    /// <summary>The PowerShell and the module of the session that registers a schedule, so the scheduled run uses the same ones.</summary>
    internal static class RunningSession
    {
        /// <summary>$PSHOME's pwsh (PowerShell 7) or powershell.exe (Windows PowerShell): the edition that registered it.</summary>
        public static string PowerShellPath(PSCmdlet cmdlet)
        {
            var home = (string)cmdlet.SessionState.PSVariable.GetValue("PSHOME");
            var edition = cmdlet.SessionState.PSVariable.GetValue("PSEdition") as string;
            var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var program = edition == "Desktop" ? "powershell.exe" : windows ? "pwsh.exe" : "pwsh";
            return Path.Combine(home, program);
        }

        /// <summary>The module's manifest (LmsSync.psd1) when it was imported from one, otherwise its assembly.</summary>
        public static string ModuleManifestPath(PSCmdlet cmdlet)
        {
            var module = cmdlet.MyInvocation.MyCommand.Module;
            if (module == null) return typeof(RunningSession).Assembly.Location;
            var manifest = Path.Combine(module.ModuleBase, "LmsSync.psd1");
            return File.Exists(manifest) ? manifest : module.Path;
        }
    }
}
