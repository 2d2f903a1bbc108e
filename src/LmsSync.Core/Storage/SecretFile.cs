using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Storage
{
    /// <summary>
    /// A profile's secrets (client secret, refresh token, certificate password, LMS keys) in one file.
    /// On Windows each value is DPAPI-encrypted for the current user; elsewhere the file is readable by
    /// its owner only (mode 600, like ~/.ssh keys). Values are never written anywhere else.
    /// </summary>
    public sealed class SecretFile
    {
        private const string DpapiProtection = "dpapi-currentuser";
        private const string FileModeProtection = "owner-only-file";
        private readonly string _path;

        public SecretFile(string path) { _path = path; }

        public static string CurrentProtection => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? DpapiProtection : FileModeProtection;

        public bool Exists => File.Exists(_path);

        public void Save(IReadOnlyDictionary<string, SecureString> secrets)
        {
            var protection = CurrentProtection;
            var values = new JObject();
            foreach (var pair in secrets)
            {
                var plain = SecureStrings.ToPlain(pair.Value);
                values[pair.Key] = protection == DpapiProtection
                    ? Convert.ToBase64String(Dpapi.Protect(Encoding.UTF8.GetBytes(plain)))
                    : plain;
            }
            var document = new JObject { ["protection"] = protection, ["values"] = values };
            AtomicFile.WriteAllText(_path, document.ToString(Formatting.Indented), ownerOnly: true);
        }

        public IReadOnlyDictionary<string, SecureString> Load()
        {
            var result = new Dictionary<string, SecureString>(StringComparer.OrdinalIgnoreCase);
            if (!File.Exists(_path)) return result;
            JObject document;
            try
            {
                document = StrictJson.ParseObject(File.ReadAllText(_path));
            }
            catch (JsonException e)
            {
                // The message names the file and the position, never the content.
                throw new InvalidDataException($"The secrets file '{_path}' is not valid JSON ({e.GetType().Name} at line {(e as JsonReaderException)?.LineNumber}). Save the profile again with Connect-SfLms -Save.");
            }
            var protection = (string?)document["protection"];
            if (protection != DpapiProtection && protection != FileModeProtection)
                throw new InvalidDataException($"The secrets file '{_path}' has an unknown protection '{protection}'. Save the profile again with Connect-SfLms -Save.");
            if (protection == DpapiProtection && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                throw new InvalidDataException($"The secrets file '{_path}' was protected with Windows DPAPI and cannot be read on this system. Save the profile again here.");
            if (document["values"] is JObject values)
            {
                foreach (var property in values.Properties())
                {
                    var stored = (string?)property.Value ?? "";
                    var plain = protection == DpapiProtection ? Encoding.UTF8.GetString(Dpapi.Unprotect(Convert.FromBase64String(stored))) : stored;
                    result[property.Name] = SecureStrings.FromPlain(plain);
                }
            }
            return result;
        }

        public void Delete()
        {
            if (File.Exists(_path)) File.Delete(_path);
        }
    }
}
