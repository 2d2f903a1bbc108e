using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LmsSync.Sandbox.Hosting;
using LmsSync.Sandbox.Salesforce;

namespace LmsSync.Core.Tests.Sandbox.Sf;

public class SalesforceInfoFileTests
{
    [Fact]
    public async Task Sandbox_json_has_every_salesforce_key_and_the_pfx_opens_with_its_password()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lmssync-test-" + Guid.NewGuid().ToString("N"));
        var info = Path.Combine(folder, "sandbox.json");
        try
        {
            var options = LmsSync.Sandbox.Program.ParseArguments(new[] { "--port", "0", "--users", "10", "--seed", "1", "--info", info, "--data", Path.Combine(folder, "data") });
            await using var host = await SandboxHost.StartAsync(options);
            var section = JsonNode.Parse(File.ReadAllText(info))!["salesforce"]!.AsObject();
            var emulator = host.Emulator<SalesforceEmulator>();

            foreach (var key in new[] { "loginUrl", "instanceUrl", "apiVersion", "clientId", "clientSecret", "username", "password", "securityToken", "refreshToken", "certificatePath", "certificatePassword" })
            {
                Assert.False(string.IsNullOrEmpty((string?)section[key]), key);
            }
            Assert.Equal(host.Context.LoginUrl, (string?)section["loginUrl"]);
            Assert.Equal(host.BaseUrl, (string?)section["instanceUrl"]);
            Assert.Equal("66.0", (string?)section["apiVersion"]);
            Assert.Equal("integration@sandbox.example.com", (string?)section["username"]);
            Assert.Equal(emulator.Credentials.ClientSecret, (string?)section["clientSecret"]);
            Assert.StartsWith(Path.Combine(folder, "data"), (string)section["certificatePath"]!);

            using var pfx = X509CertificateLoader.LoadPkcs12FromFile((string)section["certificatePath"]!, (string)section["certificatePassword"]!);
            Assert.True(pfx.HasPrivateKey);
            using var rsa = pfx.GetRSAPrivateKey()!;
            Assert.Equal(2048, rsa.KeySize);
            Assert.Equal(emulator.Credentials.Certificate.Thumbprint, pfx.Thumbprint);
            Assert.Throws<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile((string)section["certificatePath"]!, "wrong"));

            // The PEM is the same key, for clients that cannot read a PFX.
            using var pem = RSA.Create();
            pem.ImportFromPem(File.ReadAllText((string)section["privateKeyPath"]!));
            Assert.Equal(rsa.ExportSubjectPublicKeyInfo(), pem.ExportSubjectPublicKeyInfo());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Each_start_has_its_own_secrets()
    {
        await using var a = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });
        await using var b = await SandboxHost.StartAsync(new SandboxOptions { Users = 10 });
        var ca = a.Emulator<SalesforceEmulator>().Credentials;
        var cb = b.Emulator<SalesforceEmulator>().Credentials;
        Assert.NotEqual(ca.ClientId, cb.ClientId);
        Assert.NotEqual(ca.ClientSecret, cb.ClientSecret);
        Assert.NotEqual(ca.Password, cb.Password);
        Assert.NotEqual(ca.RefreshToken, cb.RefreshToken);
        Assert.NotEqual(ca.CertificatePassword, cb.CertificatePassword);
        Assert.NotEqual(ca.Certificate.SerialNumber, cb.Certificate.SerialNumber);
    }
}
