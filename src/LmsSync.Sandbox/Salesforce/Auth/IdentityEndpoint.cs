using System;
using System.Globalization;
using System.Threading.Tasks;
using LmsSync.Sandbox.Salesforce.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LmsSync.Sandbox.Salesforce.Auth;

/// <summary>
/// The identity URL of a token response, <c>GET /id/{orgId}/{userId}</c> with the bearer token
/// (salesforce-api.md §2.2): who the session belongs to. Served on both hosts, since the token
/// response points at the login host. A bad token is 403 <c>Bad_OAuth_Token</c> in plain text, as there.
/// </summary>
internal sealed class IdentityEndpoint(SalesforceEmulator emulator)
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapGet("/id/{orgId}/{userId}", HandleAsync);

    private async Task HandleAsync(HttpContext http, string orgId, string userId)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var session = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? emulator.FindSession(header.Substring(7).Trim()) : null;
        if (session is null)
        {
            await PlainAsync(http, StatusCodes.Status403Forbidden, "Bad_OAuth_Token");
            return;
        }
        var user = emulator.Org.Get(userId);
        if (orgId != emulator.OrgId || user is not { ObjectName: "User" } || user.Id != session.UserId)
        {
            await PlainAsync(http, StatusCodes.Status403Forbidden, "Bad_Id");
            return;
        }

        var rest = emulator.Context.BaseUrl + "/services/data/v{version}/";
        await using var body = RestResponse.Start(http);
        var json = body.Writer;
        json.WriteStartObject();
        json.WriteString("id", $"{emulator.Context.LoginUrl}/id/{emulator.OrgId}/{user.Id}");
        json.WriteBoolean("asserted_user", true);
        json.WriteString("user_id", user.Id);
        json.WriteString("organization_id", emulator.OrgId);
        json.WriteString("username", user["Username"] as string);
        json.WriteString("nick_name", user["CommunityNickname"] as string);
        json.WriteString("display_name", user["Name"] as string);
        json.WriteString("email", user["Email"] as string);
        json.WriteBoolean("email_verified", true);
        json.WriteString("first_name", user["FirstName"] as string);
        json.WriteString("last_name", user["LastName"] as string);
        json.WriteString("timezone", user["TimeZoneSidKey"] as string);
        json.WriteBoolean("active", user["IsActive"] is true);
        json.WriteString("user_type", user["UserType"] as string);
        json.WriteString("language", user["LanguageLocaleKey"] as string);
        json.WriteString("locale", user["LocaleSidKey"] as string);
        json.WriteNumber("utcOffset", 0);
        json.WriteString("last_modified_date", (user["LastModifiedDate"] as DateTimeOffset?)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteStartObject("urls");
        json.WriteString("rest", rest);
        json.WriteString("sobjects", rest + "sobjects/");
        json.WriteString("query", rest + "query/");
        json.WriteString("custom_domain", emulator.Context.BaseUrl);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static async Task PlainAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain;charset=UTF-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }
}
