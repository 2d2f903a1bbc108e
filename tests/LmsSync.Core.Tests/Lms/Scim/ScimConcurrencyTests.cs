using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LmsSync.Core.Tests.Lms.Scim;

/// <summary>
/// The emulator serves reads at once and each write alone, as a real SCIM service does. A request is held inside the
/// service's lock (its <c>Holding</c> hook) while the test watches what another request does meanwhile; the waits
/// below only guard against a hang, nothing is timed.
/// </summary>
[Collection(ScimSandboxCollection.Name)]
public sealed class ScimConcurrencyTests(ScimSandboxFixture fixture) : ScimTestBase(fixture)
{
    private const string Maria = "a0000000-0000-4000-8000-000000000002";
    private const string Trainers = "c0000000-0000-4000-8000-000000000002";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    // Not disposed: a held request may still be leaving its wait when the test ends (slim events need no disposing).
    private readonly ManualResetEventSlim _held = new();
    private readonly ManualResetEventSlim _release = new();
    private int _holds;

    private HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = new Uri(Url + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.Token);
        return http;
    }

    /// <summary>Holds the first <paramref name="operation"/> inside the lock until <see cref="_release"/> is set.</summary>
    private void Hold(string operation) => Emulator.Service.Holding = name =>
    {
        if (name != operation || Interlocked.Increment(ref _holds) != 1) return;
        _held.Set();
        _release.Wait(HangGuard);
    };

    private static async Task<JsonObject> Body(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_read_is_answered_while_another_read_is_held_inside_the_service()
    {
        using var http = Http();
        Hold("List");
        var held = Task.Run(() => http.GetAsync("Users?filter=" + Uri.EscapeDataString("userName sw \"maria\"")));
        Assert.True(_held.Wait(HangGuard), "the list never reached the service");

        // Served while the list is still inside the lock: one lock per request would leave it waiting.
        var other = await Body(await http.GetAsync("Users/" + Maria).WaitAsync(HangGuard));
        var listStillHeld = !held.IsCompleted;
        _release.Set();
        var list = await Body(await held.WaitAsync(HangGuard));

        Assert.True(listStillHeld);
        Assert.Equal("maria.garcia@lms.example", (string?)other["userName"]);
        Assert.Equal(1, (int)list["totalResults"]!);
    }

    [Fact]
    public async Task A_read_waits_for_a_write_held_inside_the_service_and_then_sees_all_of_it()
    {
        using var http = Http();
        Hold("Delete");
        // Deleting Maria also takes her out of Trainers: two changes that a read must see both or neither of.
        var delete = Task.Run(() => http.DeleteAsync("Users/" + Maria));
        Assert.True(_held.Wait(HangGuard), "the delete never reached the service");

        var read = Task.Run(() => http.GetAsync("Groups/" + Trainers));
        await WaitUntil(() => Emulator.Service.ReadsWaiting > 0);
        var readWaited = !read.IsCompleted;
        _release.Set();
        var deleted = await delete.WaitAsync(HangGuard);
        var group = await Body(await read.WaitAsync(HangGuard));

        Assert.True(readWaited);
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.DoesNotContain(Maria, group["members"]!.AsArray().Select(m => (string?)m!["value"]));
        Assert.Equal(404, (int)(await http.GetAsync("Users/" + Maria)).StatusCode);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!condition()) await Task.Delay(10, guard.Token);
    }

    public override void Dispose()
    {
        // Nothing stays held, and the next test's requests are not watched.
        Emulator.Service.Holding = null;
        _release.Set();
        base.Dispose();
    }
}
