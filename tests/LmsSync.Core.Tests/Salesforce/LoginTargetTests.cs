using System;
using LmsSync.Core.Diagnostics;
using LmsSync.Core.Salesforce.Auth;
using LmsSync.Core.Salesforce.Errors;

namespace LmsSync.Core.Tests.Salesforce;

public class LoginTargetTests
{
    [Theory]
    [InlineData("https://login.salesforce.com", "https://login.salesforce.com")]
    [InlineData("https://test.salesforce.com", "https://test.salesforce.com")]
    [InlineData("https://acme.my.salesforce.com", "https://login.salesforce.com")]
    [InlineData("https://acme--uat.sandbox.my.salesforce.com", "https://test.salesforce.com")]
    [InlineData("https://ACME--UAT.my.salesforce.com", "https://test.salesforce.com")]
    [InlineData("http://127.0.0.1:5001", "https://login.salesforce.com")]
    public void The_JWT_audience_follows_the_environment_not_the_token_host(string loginUrl, string audience)
    {
        var target = LoginTarget.From(loginUrl);

        Assert.Equal(audience, target.Audience);
        Assert.Equal("/services/oauth2/token", target.TokenEndpoint.AbsolutePath);
        Assert.Equal(new Uri(loginUrl).Host, target.TokenEndpoint.Host, ignoreCase: true);
    }

    [Fact]
    public void An_explicit_audience_overrides_the_derived_one()
    {
        var target = LoginTarget.From("https://acme.my.salesforce.com", "https://test.salesforce.com/");

        Assert.Equal("https://test.salesforce.com", target.Audience);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LoginTarget.From("http://login.salesforce.com"));

        Assert.Contains("https", error.Message);
    }

    [Theory]
    [InlineData("https://login.salesforce.com")]
    [InlineData("https://TEST.salesforce.com")]
    public void Client_credentials_at_login_or_test_are_refused_before_any_request(string loginUrl)
    {
        using var credential = new ClientCredentialsCredential(TestCertificates.Secure("s3cret"));

        var error = Assert.Throws<SalesforceAuthenticationException>(() => credential.CheckUsable(LoginTarget.From(loginUrl), NullActivityLog.Instance));

        Assert.Contains("My Domain", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void Client_credentials_at_a_My_Domain_are_fine()
    {
        using var credential = new ClientCredentialsCredential(TestCertificates.Secure("s3cret"));

        credential.CheckUsable(LoginTarget.From("https://acme.my.salesforce.com"), NullActivityLog.Instance);
    }

    [Fact]
    public void The_password_flow_warns_that_it_is_being_retired()
    {
        var log = new RecordingLog();
        using var credential = new UsernamePasswordCredential("u@x.com", TestCertificates.Secure("pw"), TestCertificates.Secure("tok"), null);

        credential.CheckUsable(LoginTarget.From("https://login.salesforce.com"), log);

        var warning = Assert.Single(log.Warnings);
        Assert.Contains("retiring", warning);
        Assert.Contains("JWT", warning);
    }
}
