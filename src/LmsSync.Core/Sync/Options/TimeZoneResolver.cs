using System;
using System.Collections.Generic;
using System.Reflection;

namespace LmsSync.Core.Sync
{
    /// <summary>
    /// Resolves an IANA or a Windows time zone id on any runtime: the system first; then the runtime's own
    /// IANA↔Windows conversion where it has one (.NET 6+, found by reflection since netstandard2.0 lacks it);
    /// then a built-in table of common zones (Windows PowerShell 5.1 knows only Windows ids).
    /// </summary>
    public static class TimeZoneResolver
    {
        private static readonly Dictionary<string, string> IanaToWindows = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Etc/UTC"] = "UTC", ["Etc/GMT"] = "UTC", ["Europe/London"] = "GMT Standard Time", ["Europe/Dublin"] = "GMT Standard Time",
            ["Europe/Berlin"] = "W. Europe Standard Time", ["Europe/Amsterdam"] = "W. Europe Standard Time", ["Europe/Zurich"] = "W. Europe Standard Time",
            ["Europe/Vienna"] = "W. Europe Standard Time", ["Europe/Rome"] = "W. Europe Standard Time", ["Europe/Stockholm"] = "W. Europe Standard Time",
            ["Europe/Paris"] = "Romance Standard Time", ["Europe/Madrid"] = "Romance Standard Time", ["Europe/Brussels"] = "Romance Standard Time",
            ["Europe/Warsaw"] = "Central European Standard Time", ["Europe/Prague"] = "Central Europe Standard Time",
            ["Europe/Athens"] = "GTB Standard Time", ["Europe/Helsinki"] = "FLE Standard Time", ["Europe/Kiev"] = "FLE Standard Time",
            ["Europe/Moscow"] = "Russian Standard Time", ["Europe/Istanbul"] = "Turkey Standard Time",
            ["America/New_York"] = "Eastern Standard Time", ["America/Toronto"] = "Eastern Standard Time", ["America/Chicago"] = "Central Standard Time",
            ["America/Denver"] = "Mountain Standard Time", ["America/Phoenix"] = "US Mountain Standard Time", ["America/Los_Angeles"] = "Pacific Standard Time",
            ["America/Vancouver"] = "Pacific Standard Time", ["America/Anchorage"] = "Alaskan Standard Time", ["Pacific/Honolulu"] = "Hawaiian Standard Time",
            ["America/Halifax"] = "Atlantic Standard Time", ["America/Sao_Paulo"] = "E. South America Standard Time", ["America/Mexico_City"] = "Central Standard Time (Mexico)",
            ["America/Bogota"] = "SA Pacific Standard Time", ["America/Argentina/Buenos_Aires"] = "Argentina Standard Time",
            ["Asia/Tokyo"] = "Tokyo Standard Time", ["Asia/Seoul"] = "Korea Standard Time", ["Asia/Shanghai"] = "China Standard Time",
            ["Asia/Hong_Kong"] = "China Standard Time", ["Asia/Singapore"] = "Singapore Standard Time", ["Asia/Kolkata"] = "India Standard Time",
            ["Asia/Calcutta"] = "India Standard Time", ["Asia/Dubai"] = "Arabian Standard Time", ["Asia/Jerusalem"] = "Israel Standard Time",
            ["Asia/Bangkok"] = "SE Asia Standard Time", ["Asia/Jakarta"] = "SE Asia Standard Time", ["Asia/Manila"] = "Singapore Standard Time",
            ["Australia/Sydney"] = "AUS Eastern Standard Time", ["Australia/Melbourne"] = "AUS Eastern Standard Time", ["Australia/Brisbane"] = "E. Australia Standard Time",
            ["Australia/Adelaide"] = "Cen. Australia Standard Time", ["Australia/Perth"] = "W. Australia Standard Time",
            ["Pacific/Auckland"] = "New Zealand Standard Time", ["Africa/Johannesburg"] = "South Africa Standard Time", ["Africa/Cairo"] = "Egypt Standard Time",
            ["Africa/Lagos"] = "W. Central Africa Standard Time", ["Africa/Nairobi"] = "E. Africa Standard Time",
        };

        private static readonly Dictionary<string, string> WindowsToIana = Invert(IanaToWindows);

        /// <summary>The zone, or UTC for a blank id. Throws <see cref="ArgumentException"/> with what to do when unknown.</summary>
        public static TimeZoneInfo Resolve(string? id)
        {
            if (TryResolve(id, out var zone)) return zone;
            throw new ArgumentException(
                $"Time zone '{id}' is not known on this machine. Give an IANA id such as 'Europe/Berlin' or a Windows id such as 'W. Europe Standard Time'.",
                nameof(id));
        }

        public static bool TryResolve(string? id, out TimeZoneInfo zone)
        {
            zone = TimeZoneInfo.Utc;
            if (string.IsNullOrWhiteSpace(id) || string.Equals(id!.Trim(), "UTC", StringComparison.OrdinalIgnoreCase)) return true;
            var trimmed = id.Trim();
            if (TryFind(trimmed, out zone)) return true;
            var converted = RuntimeConvert(trimmed, "TryConvertIanaIdToWindowsId") ?? RuntimeConvert(trimmed, "TryConvertWindowsIdToIanaId");
            if (converted != null && TryFind(converted, out zone)) return true;
            if (IanaToWindows.TryGetValue(trimmed, out var windows) && TryFind(windows, out zone)) return true;
            if (WindowsToIana.TryGetValue(trimmed, out var iana) && TryFind(iana, out zone)) return true;
            zone = TimeZoneInfo.Utc;
            return false;
        }

        private static bool TryFind(string id, out TimeZoneInfo zone)
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                return true;
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException || ex is System.Security.SecurityException)
            {
                zone = TimeZoneInfo.Utc;
                return false;
            }
        }

        private static string? RuntimeConvert(string id, string methodName)
        {
            var method = typeof(TimeZoneInfo).GetMethod(methodName, BindingFlags.Public | BindingFlags.Static, null,
                new[] { typeof(string), typeof(string).MakeByRefType() }, null);
            if (method == null) return null;
            var args = new object?[] { id, null };
            return method.Invoke(null, args) is bool ok && ok ? args[1] as string : null;
        }

        private static Dictionary<string, string> Invert(Dictionary<string, string> map)
        {
            var inverted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in map)
                if (!inverted.ContainsKey(pair.Value)) inverted[pair.Value] = pair.Key;
            return inverted;
        }
    }
}
