using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using LmsSync.Core.Lms;
using LmsSync.Core.Lms.Scim;
using LmsSync.Core.Tests.Text;
using LmsSync.Core.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// A listed user's kept text copied from the body's bytes (a page the byte reader takes on) parses to the same resource,
/// and gives the same identity and fields, as the text the fallback reader's writer makes from the tokens' values: on
/// escapes, non-ASCII, numbers in every form, nested arrays, extension blocks and whitespace anywhere.
/// </summary>
public class ScimKeptTextTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static readonly ScimFieldSet Catalog = new(LmsFieldCatalog.Scim.Fields.Select(f => f.Name));

    private static byte[] List(params byte[][] resources)
    {
        var page = new List<byte>(Encoding.UTF8.GetBytes("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + resources.Length + ",\"Resources\":["));
        for (var i = 0; i < resources.Length; i++)
        {
            if (i > 0) page.Add((byte)',');
            page.AddRange(resources[i]);
        }
        page.AddRange(Encoding.UTF8.GetBytes("]}"));
        return page.ToArray();
    }

    /// <summary>The page read as the client reads it: from its bytes, by the byte reader when it takes the page on.</summary>
    private static IReadOnlyList<ScimListedUser> FromBytes(byte[] page, ScimFieldSet fields) =>
        ScimStreamReader.Read(page, page.Length, r => ScimStreamReader.ListPage(r, u => ScimStreamReader.User(u, fields)))!.Resources;

    /// <summary>The page read by the fallback (JsonTextReader, kept text written by JsonTextWriter).</summary>
    private static IReadOnlyList<ScimListedUser> FromText(byte[] page, ScimFieldSet fields)
    {
        using var reader = ScimStreamReader.Open(new StreamReader(new MemoryStream(page), Encoding.UTF8));
        return ScimStreamReader.ListPage(reader, u => ScimStreamReader.User(u, fields))!.Resources;
    }

    /// <summary>Whether the byte reader reads the whole page (so the kept text was copied from the bytes).</summary>
    private static bool TakenOn(byte[] page) => JsonTrace.Of(new ByteJsonReader(page, page.Length, ScimNames.Bytes, FloatParseHandling.Double)).Ended;

    private static void AssertSameUsers(byte[] page)
    {
        foreach (var fields in new[] { ScimFieldSet.None, Catalog })
        {
            var expected = FromText(page, fields);
            var actual = FromBytes(page, fields);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var (e, a) = (expected[i].User, actual[i].User);
                Assert.Equal((e.Id, e.UserName, e.ExternalId, e.Active, e.Version), (a.Id, a.UserName, a.ExternalId, a.Active, a.Version));
                Assert.Equal(expected[i].Fields.ToList(), actual[i].Fields.ToList());
                Assert.True(JToken.DeepEquals(AsWritten(e.Resource), AsWritten(a.Resource)), $"fallback {e.Resource.ToString(Formatting.None)}\nbytes    {a.Resource.ToString(Formatting.None)}\npage {Encoding.UTF8.GetString(page)}");
            }
        }
    }

    /// <summary>
    /// The resource with each number beyond a double's range as the fallback's writer writes it (the string "Infinity"):
    /// the bytes keep the number as sent, which parses to the double infinity the whole resource holds.
    /// </summary>
    private static JObject AsWritten(JObject resource)
    {
        var copy = (JObject)resource.DeepClone();
        foreach (var value in copy.DescendantsAndSelf().OfType<JValue>().Where(v => v.Value is double d && double.IsInfinity(d)).ToList())
            value.Replace(new JValue((double)value.Value! > 0 ? "Infinity" : "-Infinity"));
        return copy;
    }

    public static IEnumerable<object[]> OddUsers() => new[]
    {
        new object[] { ScimStreamReaderTests.Ann },
        new object[] { """{"id":"u-\u0031","userName":"\u00e9\u20AC\uD83D\uDE00 \"q\" \\ \/ \b\f\n\r\t","name":{"givenName":"中文 😀","familyName":"\u0000\u001f"},"x":"é€😀𝄞"}""" },
        new object[] { """{"id":"u","emails":[{"value":"a\"b@x","type":"work","primary":true,"display":{"deep":[[1,[2,[3,{}]]],[]]}},{"value":"h@x","type":"home"},7,"s",null,[]],"phoneNumbers":[]}""" },
        new object[] { """{"id":"u","emails":[{"value":1e400,"type":"WORK"},{"value":-0.0,"type":"other","n":[12345678901234567890.123456789,9223372036854775808,1.50,1E5,-7]}]}""" },
        new object[] { """{"id":"u","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"D\u00e9pt","manager":{"value":"m","displayName":"M","$ref":"../Users/m"},"x":[{"y":true}]},"urn:vendor:ext":{"a":[1,2]}}""" },
        new object[] { """{"id":"u","userName":"a","USERNAME":"b","Emails":[{"Value":"w@x","Type":"Work"}],"emails":[{"value":"v@x","type":"work"}],"META":{"version":"W/\"2\""},"schemas":["x"],"groups":[{"value":"g"}]}""" },
        new object[] { """{"id":"u","externalId":"005","active":"False","title":{"not":"text"},"displayName":3.25,"nickName":true,"locale":null,"timezone":[]}""" },
        new object[] { """
            {
              "id" : "u-pretty",
              "emails" : [
                { "value" : "a b@x" , "type" : "work" , "primary" : true ,
                  "display" : "with  spaces\t\"and\" \\ escapes " } ,
                { "value" : "c@x" }
              ] ,
              "x-vendor" : { "k" : [ 1 , 2.5 , { "s" : " x " } ] } ,
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" : { "department" : "Sales" , "manager" : { "value" : " m " } }
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(OddUsers))]
    public void Odd_users_read_from_the_bytes_are_the_users_the_fallback_reads(string user)
    {
        var page = List(Encoding.UTF8.GetBytes(user), Encoding.UTF8.GetBytes("""{"id":"next","userName":"n"}"""));
        Assert.True(TakenOn(page), "the byte reader must take this page on, or the test compares the fallback with itself");

        AssertSameUsers(page);
    }

    [Fact]
    public void Random_values_in_kept_and_read_attributes_come_out_as_the_fallback_makes_them()
    {
        var taken = 0;
        for (var seed = 0; seed < 600; seed++)
        {
            var random = new RandomJson(50_000 + seed);
            var user = Encoding.UTF8.GetBytes("{\"id\":\"u-" + seed + "\",\"x-vendor\":").Concat(random.Document())
                .Concat(Encoding.UTF8.GetBytes(",\"emails\":[{\"value\":\"w@x\",\"type\":\"work\",\"extra\":")).Concat(random.Document())
                .Concat(Encoding.UTF8.GetBytes("},")).Concat(random.Document())
                .Concat(Encoding.UTF8.GetBytes("],\"" + Enterprise + "\":{\"department\":")).Concat(random.Document())
                .Concat(Encoding.UTF8.GetBytes(",\"other\":")).Concat(random.Document())
                .Concat(Encoding.UTF8.GetBytes("}}")).ToArray();
            var page = List(user);
            if (TakenOn(page)) taken++;
            AssertSameUsers(page);
        }
        // Most pages hold only what the byte reader takes on (the rest compare the fallback with itself).
        Assert.True(taken > 400, taken + " pages taken on");
    }

    [Fact]
    public void A_number_beyond_a_double_is_kept_as_the_whole_resource_holds_it()
    {
        var user = """{"id":"u","emails":[{"value":"w@x","type":"work","big":1e400}]}""";

        var kept = FromBytes(List(Encoding.UTF8.GetBytes(user)), Catalog).Single().User.Resource;

        Assert.Equal(double.PositiveInfinity, (double)kept["emails"]![0]!["big"]!);
        Assert.True(JToken.DeepEquals(ScimJson.Parse(user)!["emails"], kept["emails"]));
    }

    [Fact]
    public void A_value_kept_whole_is_its_bytes_as_sent_without_the_whitespace_between_tokens()
    {
        var json = Encoding.UTF8.GetBytes("{ \"a\" :\r\n [ 1 ,\t{ \"b\" : \"x  y\\\" } z\" , \"\\u00e9\" : -1.50e3 } , [ ] ] }");
        var reader = new ByteJsonReader(json, json.Length, ScimNames.Bytes, FloatParseHandling.Double);
        var kept = new ScimKeptText();
        reader.Read();
        kept.Start(reader);
        reader.Read();
        kept.Token();
        reader.Read();
        kept.Value();

        Assert.Equal(JsonToken.EndArray, reader.TokenType);
        Assert.Equal("{\"a\":[1,{\"b\":\"x  y\\\" } z\",\"\\u00e9\":-1.50e3},[]]}", Encoding.UTF8.GetString(kept.Finish()));
    }

    [Fact]
    public void Tokens_kept_one_by_one_get_their_commas_and_the_next_user_starts_afresh()
    {
        var json = Encoding.UTF8.GetBytes("[{\"k\":[\"v\" , {\"n\":null},3]},{\"z\":\"\\u0041\"}]");
        var reader = new ByteJsonReader(json, json.Length, ScimNames.Bytes, FloatParseHandling.Double);
        var kept = new ScimKeptText();
        reader.Read();
        reader.Read();
        kept.Start(reader);
        reader.Read();
        kept.Token(); // "k":
        reader.Read();
        kept.Token(); // [
        reader.Read();
        kept.Token(); // "v"
        reader.Read();
        kept.Value(); // {"n":null}
        reader.Read();
        kept.Token(); // 3
        reader.Read();
        kept.Token(); // ]
        reader.Read();
        var first = Encoding.UTF8.GetString(kept.Finish());
        reader.Read();
        kept.Start(reader);
        reader.Read();
        kept.Token();
        reader.Read();
        kept.Value();

        Assert.Equal("{\"k\":[\"v\",{\"n\":null},3]}", first);
        Assert.Equal("{\"z\":\"\\u0041\"}", Encoding.UTF8.GetString(kept.Finish()));
    }
}
