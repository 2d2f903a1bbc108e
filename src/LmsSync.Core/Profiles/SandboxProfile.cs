using System;
using System.IO;
using LmsSync.Core.Storage;
using LmsSync.Core.Sync;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Profiles
{
    /// <summary>
    /// A profile for the local LmsSync Sandbox from the sandbox.json it writes: Salesforce by JWT with the
    /// Sandbox's test certificate, and one of its LMS emulators. For trying the module out, demos and tests.
    /// </summary>
    public static class SandboxProfile
    {
        public static SfLmsProfile FromInfoFile(string path, LmsKind kind, string? name, out ProfileSecrets secrets)
        {
            var full = Path.GetFullPath(path);
            JObject info;
            try
            {
                info = StrictJson.ParseObject(File.ReadAllText(full));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException)
            {
                throw new ProfileException(ProfileErrorKind.Invalid, $"Cannot read the Sandbox info file '{full}': {e.Message} Start the Sandbox with --info <path> and give that path.", e);
            }
            var salesforce = Section(info, "salesforce", full);
            var profile = SfLmsProfile.New(name ?? ProfileName.Default,
                new SalesforceProfile
                {
                    Url = Text(salesforce, "loginUrl", full),
                    ClientId = Text(salesforce, "clientId", full),
                    SignIn = SalesforceSignIn.JwtCertificateFile,
                    Username = Text(salesforce, "username", full),
                    CertificatePath = Text(salesforce, "certificatePath", full),
                    Audience = (string?)salesforce["audience"],
                    ApiVersion = (string?)salesforce["apiVersion"],
                },
                LmsFor(info, kind, full));
            secrets = new ProfileSecrets
            {
                SalesforceCertificatePassword = SecureStrings.FromPlain(Text(salesforce, "certificatePassword", full)),
                LmsSecret = SecureStrings.FromPlain(LmsSecret(info, kind, full)),
            };
            return profile;
        }

        private static LmsProfile LmsFor(JObject info, LmsKind kind, string file)
        {
            switch (kind)
            {
                case LmsKind.ISpring:
                    var ispring = Section(info, "ispring", file);
                    return new LmsProfile { Kind = kind, Url = Text(ispring, "url", file), UserName = Text(ispring, "clientId", file) };
                case LmsKind.SkyPrep:
                    var skyprep = Section(info, "skyprep", file);
                    return new LmsProfile { Kind = kind, Url = Text(skyprep, "url", file), UserName = Text(skyprep, "acctKey", file) };
                default:
                    var scim = Section(info, "scim", file);
                    return new LmsProfile { Kind = kind, Url = Text(scim, "url", file), UserName = "scim" };
            }
        }

        private static string LmsSecret(JObject info, LmsKind kind, string file) =>
            kind == LmsKind.ISpring ? Text(Section(info, "ispring", file), "clientSecret", file)
            : kind == LmsKind.SkyPrep ? Text(Section(info, "skyprep", file), "apiKey", file)
            : Text(Section(info, "scim", file), "token", file);

        private static JObject Section(JObject info, string name, string file) =>
            info[name] as JObject ?? throw new ProfileException(ProfileErrorKind.Invalid, $"The Sandbox info file '{file}' has no '{name}' section; is it the sandbox.json the Sandbox wrote?");

        private static string Text(JObject section, string name, string file)
        {
            var value = (string?)section[name];
            if (string.IsNullOrWhiteSpace(value))
                throw new ProfileException(ProfileErrorKind.Invalid, $"The Sandbox info file '{file}' has no '{name}'; is it the sandbox.json the Sandbox wrote?");
            return value!;
        }
    }
}
