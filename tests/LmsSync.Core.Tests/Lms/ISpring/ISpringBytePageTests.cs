using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsSync.Core.Lms.ISpring;
using LmsSync.Core.Tests.Text;
using LmsSync.Core.Text;

namespace LmsSync.Core.Tests.Lms.ISpring;

/// <summary>
/// A users page as servers write it (System.Text.Json escaping non-ASCII as the Sandbox does, or writing it raw, and
/// Newtonsoft indented) is read from its bytes without falling back, into the same users the text reader made of it.
/// </summary>
public sealed class ISpringBytePageTests
{
    [Theory]
    [InlineData("escaped")]
    [InlineData("raw")]
    [InlineData("indented")]
    public void A_page_is_read_from_its_bytes_into_the_users_the_text_reader_made(string style)
    {
        var json = Page(style);
        var plain = JsonTrace.Of(new ByteJsonReader(json, json.Length, null, Newtonsoft.Json.FloatParseHandling.Decimal));
        Assert.True(plain.Ended, plain.Failure?.Message);

        var fromBytes = ISpringStreamReader.Read(json, json.Length, reader => ISpringStreamReader.Page(reader, "userProfiles", ISpringStreamReader.User));
        using var text = ISpringStreamReader.Open(new StreamReader(new MemoryStream(json), Encoding.UTF8));
        var fromText = ISpringStreamReader.Page(text, "userProfiles", ISpringStreamReader.User);
        Assert.Equal("t-2", fromBytes.NextToken);
        Assert.Equal(fromText.Items.Select(Describe), fromBytes.Items.Select(Describe));
        Assert.Equal(40, fromBytes.Items.Count);
        Assert.Contains(fromBytes.Items, u => u.Fields["first_name"] == "Zoë \"Z\" 😀");
    }

    private static string Describe(ISpringUser user) =>
        string.Join("|", user.UserId, user.DepartmentId, user.StatusCode, user.Role, string.Join(",", user.GroupIds), user.AddedDate, user.LastLoginDate,
            string.Join(",", user.Fields.OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value)));

    private static byte[] Page(string style)
    {
        var users = Enumerable.Range(0, 40).Select(i => new Dictionary<string, object?>
        {
            ["userId"] = "u-" + i,
            ["departmentId"] = "d-" + (i % 3),
            ["status"] = i % 5 == 0 ? "2" : (object)1,
            ["role"] = "learner",
            ["addedDate"] = "2024-01-0" + (1 + i % 9) + "T10:00:00+02:00",
            ["lastLoginDate"] = i % 2 == 0 ? null : "2024-05-01T00:00:00Z",
            ["groups"] = new[] { "g-1", "g-" + i },
            ["fields"] = i % 4 == 0
                ? new object[] { new Dictionary<string, object?> { ["name"] = "LOGIN", ["value"] = "user" + i }, new Dictionary<string, object?> { ["name"] = "first_name", ["value"] = "Zoë \"Z\" 😀" } }
                : new Dictionary<string, object?> { ["login"] = "user" + i, ["email"] = $"u{i}@example.com", ["first_name"] = "Zoë \"Z\" 😀", ["job_title"] = "R&D <lead>\\ \n", ["phone"] = null, ["extra"] = 5.50m },
        }).ToList();
        var page = new Dictionary<string, object?> { ["userProfiles"] = users, ["nextPageToken"] = "t-2" };
        switch (style)
        {
            case "escaped": return JsonSerializer.SerializeToUtf8Bytes(page);
            case "raw": return JsonSerializer.SerializeToUtf8Bytes(page, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            default: return Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(page, Newtonsoft.Json.Formatting.Indented));
        }
    }
}
