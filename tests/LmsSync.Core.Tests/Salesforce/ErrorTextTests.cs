using LmsSync.Core.Salesforce.Api;
using LmsSync.Core.Salesforce.Auth;

namespace LmsSync.Core.Tests.Salesforce;

public class ErrorTextTests
{
    [Fact]
    public void Body_snippets_are_short_single_line_and_redact_session_ids_and_known_secrets()
    {
        var body = "<html>\n<body>\n  Session 00D5g000004ABCD!AR8AQJXg.very.long.token_value here; secret=hunter2 " + new string('x', 500) + "</body></html>";

        var snippet = BodySnippet.From(body, new[] { "hunter2" });

        Assert.DoesNotContain("AR8AQJXg", snippet);
        Assert.DoesNotContain("hunter2", snippet);
        Assert.DoesNotContain("\n", snippet);
        Assert.InRange(snippet.Length, 150, 201);
        Assert.EndsWith("…", snippet);
    }

    [Fact]
    public void A_salesforce_error_array_is_read()
    {
        var error = ApiError.TryParse("""[{"message":"No such column 'Foo' on entity 'User'","errorCode":"INVALID_FIELD","fields":["Foo"]}]""")!;

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Equal("No such column 'Foo' on entity 'User'", error.Message);
        Assert.Equal(new[] { "Foo" }, error.Fields);
    }

    [Theory]
    [InlineData("<html>Down for maintenance</html>")]
    [InlineData("")]
    [InlineData("""{"hello":"world"}""")]
    public void Other_bodies_are_not_salesforce_errors(string body) => Assert.Null(ApiError.TryParse(body));

    [Theory]
    [InlineData("invalid_grant", "audience is invalid", "JWT bearer", "https://test.salesforce.com")]
    [InlineData("invalid_grant", "user hasn't approved this consumer", "JWT bearer", "pre-authorized")]
    [InlineData("invalid_grant", "invalid assertion", "JWT bearer", "certificate")]
    [InlineData("invalid_grant", "expired authorization code", "JWT bearer", "clock")]
    [InlineData("invalid_grant", "expired access/refresh token", "refresh token", "Sign in interactively again")]
    [InlineData("invalid_grant", "inactive user", "JWT bearer", "Reactivate")]
    [InlineData("invalid_grant", "request not supported on this domain", "client credentials", "My Domain")]
    [InlineData("invalid_grant", "authentication failure", "username-password", "security token")]
    [InlineData("unsupported_grant_type", "grant type not supported", "username-password", "blocked")]
    [InlineData("invalid_client_id", "client identifier invalid", "JWT bearer", "Consumer Key")]
    [InlineData("invalid_client", "invalid client credentials", "client credentials", "Consumer Secret")]
    [InlineData("invalid_app_access", "user is not admin approved to access this app", "JWT bearer", "permission set")]
    public void Token_errors_come_with_what_to_fix(string error, string description, string flow, string expected) =>
        Assert.Contains(expected, TokenErrorAdvice.For(error, description, flow, LoginTarget.From("https://acme.my.salesforce.com")));
}
