using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Tests.Salesforce;

public class JwtAssertionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_assertion_is_RS256_over_header_and_claims_and_verifies_with_the_public_key()
    {
        using var certificate = TestCertificates.CreateRsa();

        var jwt = JwtAssertion.Create("3MVG9client", "integration@acme.com", LoginTarget.SandboxAudience, Now, certificate);

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.DoesNotContain('=', jwt);
        using var header = JsonDocument.Parse(JwtAssertion.FromBase64Url(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var claims = JsonDocument.Parse(JwtAssertion.FromBase64Url(parts[1]));
        Assert.Equal("3MVG9client", claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal("integration@acme.com", claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal("https://test.salesforce.com", claims.RootElement.GetProperty("aud").GetString());

        using var publicKey = certificate.GetRSAPublicKey()!;
        Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), JwtAssertion.FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var other = TestCertificates.CreateRsa();
        using var otherKey = other.GetRSAPublicKey()!;
        Assert.False(otherKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), JwtAssertion.FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Exp_is_in_seconds_and_at_most_three_minutes_ahead()
    {
        using var certificate = TestCertificates.CreateRsa();

        var jwt = JwtAssertion.Create("id", "u@x.com", LoginTarget.ProductionAudience, Now, certificate);

        using var claims = JsonDocument.Parse(JwtAssertion.FromBase64Url(jwt.Split('.')[1]));
        var exp = claims.RootElement.GetProperty("exp").GetInt64();
        Assert.InRange(exp, Now.ToUnixTimeSeconds() + 60, Now.ToUnixTimeSeconds() + 180);
    }

    [Fact]
    public void A_certificate_without_private_key_cannot_sign_and_says_so()
    {
        using var full = TestCertificates.CreateRsa();
        using var publicOnly = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(full.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));

        var error = Assert.Throws<ArgumentException>(() => JwtAssertion.Create("id", "u@x.com", LoginTarget.ProductionAudience, Now, publicOnly));

        Assert.Contains("no private key", error.Message);
    }

    [Fact]
    public void A_pfx_opens_with_its_password_and_a_wrong_password_is_a_clear_error_without_the_password()
    {
        using var certificate = TestCertificates.CreateRsa();
        var path = TestCertificates.WritePfx(certificate, "Pfx-Secret-123");
        try
        {
            using var credential = JwtBearerCredential.FromPfxFile("u@x.com", path, TestCertificates.Secure("Pfx-Secret-123"));
            Assert.Equal(certificate.Thumbprint, credential.Thumbprint);

            var error = Assert.Throws<SalesforceAuthenticationException>(() => JwtBearerCredential.FromPfxFile("u@x.com", path, TestCertificates.Secure("wrong-one")));
            Assert.Contains("password", error.Message);
            Assert.DoesNotContain("wrong-one", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_certificate_store_is_refused_off_Windows_with_the_PFX_alternative()
    {
        if (OperatingSystem.IsWindows()) return;

        var error = Assert.Throws<SalesforceAuthenticationException>(() => SalesforceCertificate.FromStore("AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01"));

        Assert.Contains("Windows-only", error.Message);
        Assert.Contains("PFX", error.Message);
    }

    [Theory]
    [InlineData("\u200eab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01", "ABCDEF0123456789ABCDEF0123456789ABCDEF01")]
    public void Thumbprints_copied_from_the_certificate_dialog_normalize(string input, string expected) =>
        Assert.Equal(expected, SalesforceCertificate.NormalizeThumbprint(input));

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("XYZDEF0123456789ABCDEF0123456789ABCDEF01")]
    public void Something_that_is_not_a_thumbprint_is_refused(string input) =>
        Assert.Throws<ArgumentException>(() => SalesforceCertificate.NormalizeThumbprint(input));
}
