using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>
/// The connected app and integration-user secrets of one Sandbox run: random per start, stable
/// within it, test-only. Written to sandbox.json and readable in-process by tests.
/// </summary>
public sealed class SalesforceCredentials
{
    public const string IntegrationUsername = "integration@sandbox.example.com";
    public const string CertificateFileName = "salesforce-jwt.pfx";
    public const string PrivateKeyFileName = "salesforce-jwt-key.pem";

    private SalesforceCredentials(string clientId, string clientSecret, string password, string securityToken, string refreshToken,
        string certificatePath, string certificatePassword, string privateKeyPath, X509Certificate2 certificate)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Password = password;
        SecurityToken = securityToken;
        RefreshToken = refreshToken;
        CertificatePath = certificatePath;
        CertificatePassword = certificatePassword;
        PrivateKeyPath = privateKeyPath;
        Certificate = certificate;
    }

    /// <summary>Consumer key of the emulated connected app; the JWT <c>iss</c>.</summary>
    public string ClientId { get; }
    public string ClientSecret { get; }
    public string Username => IntegrationUsername;
    public string Password { get; }
    /// <summary>Appended to <see cref="Password"/> in the username-password flow, as Salesforce requires from untrusted IPs.</summary>
    public string SecurityToken { get; }
    /// <summary>A refresh token for the integration user, issued at startup (the Sandbox has no consent page).</summary>
    public string RefreshToken { get; }
    /// <summary>PFX holding the JWT signing certificate with its private key.</summary>
    public string CertificatePath { get; }
    public string CertificatePassword { get; }
    /// <summary>The same private key as PKCS#8 PEM, for clients (node, openssl-less) that cannot read a PFX.</summary>
    public string PrivateKeyPath { get; }
    /// <summary>The certificate "uploaded to the connected app": JWT signatures are verified against its public key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The RSA-2048 key pair behind every start's certificate in this process. Generating one costs
    /// up to two seconds on a busy machine, and every Sandbox start (each test's too) would pay it;
    /// a process normally hosts one Sandbox, and each start still gets its own certificate, PFX
    /// password and secrets.
    /// </summary>
    private static readonly Lazy<byte[]> ProcessKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKey();
    });

    public static SalesforceCredentials Generate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var certificatePassword = RandomText.Alphanumeric(24);
        var certificatePath = Path.Combine(dataDirectory, CertificateFileName);
        var privateKeyPath = Path.Combine(dataDirectory, PrivateKeyFileName);

        using var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(ProcessKey.Value, out _);
        var request = new CertificateRequest("CN=LmsSync Sandbox JWT (test only)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        File.WriteAllBytes(certificatePath, generated.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, certificatePassword));
        File.WriteAllText(privateKeyPath, rsa.ExportPkcs8PrivateKeyPem());

        // Only the public half is needed to verify; the PFX on disk is what clients sign with.
        var publicOnly = X509CertificateLoader.LoadCertificate(generated.RawData);

        return new SalesforceCredentials(
            clientId: "3MVG9" + RandomText.Alphanumeric(80),
            clientSecret: RandomText.Digits(19) + RandomText.Alphanumeric(45).ToUpperInvariant(),
            password: "Sandbox-" + RandomText.Alphanumeric(16),
            securityToken: RandomText.Alphanumeric(25),
            refreshToken: "5Aep861" + RandomText.Alphanumeric(80) + "==",
            certificatePath, certificatePassword, privateKeyPath, publicOnly);
    }
}
