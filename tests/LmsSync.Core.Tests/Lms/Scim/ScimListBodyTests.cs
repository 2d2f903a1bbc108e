using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;
using LmsSync.Core.Lms.Scim;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// A list page's body is received by the client itself (into a pooled buffer) rather than buffered by HttpClient:
/// a body sent without Content-Length, larger than any first guess, is read whole; a connection lost mid-body fails as
/// when HttpClient buffered it; pages received one after another each give their own users.
/// </summary>
public class ScimListBodyTests
{
    private static string Page(int start, int count, int total) =>
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":" + total + ",\"startIndex\":" + start +
        ",\"itemsPerPage\":" + count + ",\"Resources\":[" +
        string.Join(",", Enumerable.Range(start, count).Select(i => "{\"id\":\"u-" + i + "\",\"userName\":\"user" + i + "@acme.example\",\"title\":\"" + new string('t', 200) + "\"}")) + "]}";

    private const string Config = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],"filter":{"supported":true,"maxResults":200},"bulk":{"supported":false}}""";

    /// <summary>Answers the service config, and each list request from <paramref name="body"/> as a stream of unknown length.</summary>
    private sealed class Wire(Func<HttpRequestMessage, Stream> body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var config = request.RequestUri!.AbsolutePath.EndsWith("/ServiceProviderConfig", StringComparison.Ordinal);
            var content = new StreamContent(config ? new MemoryStream(Encoding.UTF8.GetBytes(Config)) : body(request));
            content.Headers.TryAddWithoutValidation("Content-Type", "application/scim+json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A stream that hands out its bytes a few at a time and, when asked, fails half way.</summary>
    private sealed class Trickle(byte[] bytes, bool failHalfWay) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (failHalfWay && _position >= bytes.Length / 2) throw new IOException("The response ended prematurely.");
            var n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static ScimClient Client(Func<HttpRequestMessage, Stream> body) => new(new ScimClientOptions
    {
        BaseUrl = "https://lms.example/scim/v2",
        Token = ScimTestBase.Secure("token"),
        PageSize = 100,
        MaxConcurrency = 1,
        RetryPolicy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask },
        InnerHandler = new Wire(body),
    });

    [Fact]
    public async Task Pages_sent_without_a_length_and_larger_than_the_first_buffer_are_read_whole_each_with_its_own_users()
    {
        // 3 pages of 100 users, some 25 KB each: more than the pool's first 16 KB guess.
        using var client = Client(request =>
        {
            var start = int.Parse(request.RequestUri!.Query.Split("startIndex=")[1].Split('&')[0]);
            return new Trickle(Encoding.UTF8.GetBytes(Page(start, Math.Min(100, 301 - start), 300)), failHalfWay: false);
        });
        var reader = client.ListUsers("userName sw \"user\"");

        var users = (await reader.ReadPageAsync())!.Concat((await reader.ReadPageAsync())!).Concat((await reader.ReadPageAsync())!).ToList();

        Assert.Null(await reader.ReadPageAsync());
        Assert.Equal(Enumerable.Range(1, 300).Select(i => "u-" + i), users.Select(u => u.Id));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => "user" + i + "@acme.example"), users.Select(u => u.UserName));
        Assert.All(users, u => Assert.Equal(new string('t', 200), u.Title));
    }

    [Fact]
    public async Task A_connection_lost_mid_body_fails_as_when_HttpClient_buffered_the_body()
    {
        using var client = Client(_ => new Trickle(Encoding.UTF8.GetBytes(Page(1, 100, 100)), failHalfWay: true));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ListUsers("userName sw \"user\"").ReadPageAsync());

        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }
}
