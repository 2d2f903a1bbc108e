using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LmsSync.Core.Http;

namespace LmsSync.Core.Tests.Http;

/// <summary>
/// The adaptive limit on requests in flight (<see cref="AdaptiveConcurrencyLimit"/> behind <see cref="ConcurrencyGateHandler"/>),
/// against a fake service that counts what is in flight and answers as told. No timing: requests are held and let go by hand.
/// </summary>
public sealed class ConcurrencyGateTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>A service that records the most requests it had at once and answers with <see cref="Answer"/>; with <see cref="Hold"/>, each request waits to be let go.</summary>
    private sealed class FakeService : HttpMessageHandler
    {
        private readonly ConcurrentQueue<(TaskCompletionSource<HttpStatusCode> Done, CancellationToken Token)> _held = new();
        private readonly AdaptiveConcurrencyLimit _limit;
        private int _inFlight;
        private int _max;
        private int _overLimit;

        public FakeService(AdaptiveConcurrencyLimit limit) => _limit = limit;

        public bool Hold { get; set; }
        public Func<HttpStatusCode> Answer { get; set; } = () => HttpStatusCode.OK;
        public string? RetryAfter { get; set; }
        public int InFlight => Volatile.Read(ref _inFlight);
        public int MaxInFlight => Volatile.Read(ref _max);

        /// <summary>Requests that arrived while more than the limit were in flight (the limit never drops in the tests that read this).</summary>
        public int OverLimit => Volatile.Read(ref _overLimit);

        public int HeldCount => _held.Count;

        /// <summary>Lets the oldest held request go with <paramref name="status"/>.</summary>
        public void Let(HttpStatusCode status)
        {
            Assert.True(_held.TryDequeue(out var held));
            held.Done.TrySetResult(status);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            if (now > _limit.Limit) Interlocked.Increment(ref _overLimit);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
            try
            {
                HttpStatusCode status;
                if (Hold)
                {
                    var done = new TaskCompletionSource<HttpStatusCode>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _held.Enqueue((done, cancellationToken));
                    using (cancellationToken.Register(() => done.TrySetCanceled(cancellationToken)))
                        status = await done.Task;
                }
                else
                {
                    await Task.Delay(1, cancellationToken);
                    status = Answer();
                }
                var response = new HttpResponseMessage(status) { RequestMessage = request };
                if (RetryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private static (AdaptiveConcurrencyLimit Limit, FakeService Service, HttpMessageInvoker Http) Gate(int ceiling, List<ConcurrencyLimitCut>? cuts = null)
    {
        var limit = new AdaptiveConcurrencyLimit(ceiling);
        if (cuts != null) limit.OnCut = c => { lock (cuts) cuts.Add(c); };
        var service = new FakeService(limit);
        return (limit, service, new HttpMessageInvoker(new ConcurrencyGateHandler(limit, service)));
    }

    private static Task<HttpResponseMessage> Send(HttpMessageInvoker http, CancellationToken cancellationToken = default) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://lms.example.com/users/v2?email=ann%40acme.com"), cancellationToken);

    private static void WaitUntil(Func<bool> condition) => Assert.True(SpinWait.SpinUntil(condition, HangGuard), "hang guard");

    [Fact]
    public async Task It_starts_at_four_and_lets_no_more_through()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Hold = true;

        var sends = Enumerable.Range(0, 10).Select(_ => Send(http)).ToList();

        WaitUntil(() => service.HeldCount == 4);
        Assert.Equal(4, limit.InFlight);
        Assert.Equal(4, service.InFlight);
        Assert.All(sends, s => Assert.False(s.IsCompleted));

        service.Hold = false;
        while (service.HeldCount > 0) service.Let(HttpStatusCode.OK);
        await Task.WhenAll(sends);
        Assert.True(service.MaxInFlight <= limit.Highest, $"{service.MaxInFlight} in flight, limit at most {limit.Highest}");
        Assert.Equal(0, service.OverLimit);
        Assert.Equal(0, limit.InFlight);
    }

    [Fact]
    public async Task Under_success_it_grows_to_the_ceiling_and_never_past_the_limit()
    {
        var (limit, service, http) = Gate(ceiling: 8);

        // Many more callers than the ceiling, so the limit is always in real use.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            for (var i = 0; i < 15; i++) (await Send(http)).Dispose();
        }));

        Assert.Equal(8, limit.Limit);
        Assert.Equal(8, limit.Highest);
        Assert.Equal(0, service.OverLimit);
        Assert.InRange(service.MaxInFlight, 1, 8);
        Assert.Equal(0, limit.Cuts);
    }

    [Fact]
    public async Task One_request_at_a_time_proves_nothing_and_does_not_grow_the_limit()
    {
        var (limit, _, http) = Gate(ceiling: 16);

        for (var i = 0; i < 40; i++) (await Send(http)).Dispose();

        Assert.Equal(AdaptiveConcurrencyLimit.Initial, limit.Limit);
    }

    [Fact]
    public async Task A_429_halves_the_limit_down_to_a_floor_of_one_and_says_why_without_the_query()
    {
        var cuts = new List<ConcurrencyLimitCut>();
        var (limit, service, http) = Gate(ceiling: 16, cuts);
        service.Answer = () => (HttpStatusCode)429;
        service.RetryAfter = "2";

        (await Send(http)).Dispose();
        Assert.Equal(2, limit.Limit);
        (await Send(http)).Dispose();
        Assert.Equal(1, limit.Limit);
        (await Send(http)).Dispose();
        Assert.Equal(1, limit.Limit);

        Assert.Equal(new[] { (4, 2), (2, 1), (1, 1) }, cuts.Select(c => (c.Was, c.Now)));
        Assert.Equal("HTTP 429 (Retry-After 2 s) to GET /users/v2; requests in flight now at most 2 (was 4)", cuts[0].ToString());
        Assert.All(cuts, c => Assert.DoesNotContain("acme", c.ToString()));
    }

    [Fact]
    public async Task A_503_with_Retry_After_halves_the_limit_and_so_does_any_error_with_Retry_After()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Answer = () => HttpStatusCode.ServiceUnavailable;
        service.RetryAfter = "1";

        (await Send(http)).Dispose();
        Assert.Equal(2, limit.Limit);

        service.Answer = () => HttpStatusCode.Forbidden;
        (await Send(http)).Dispose();
        Assert.Equal(1, limit.Limit);
        Assert.Equal(2, limit.Cuts);
    }

    [Fact]
    public async Task Other_server_errors_say_nothing_about_load_and_leave_the_limit()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Answer = () => HttpStatusCode.InternalServerError;

        for (var i = 0; i < 3; i++) (await Send(http)).Dispose();

        Assert.Equal(4, limit.Limit);
        Assert.Equal(0, limit.Cuts);
    }

    [Fact]
    public async Task Throttled_answers_to_requests_sent_before_a_cut_cut_only_once()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Hold = true;
        var sends = Enumerable.Range(0, 4).Select(_ => Send(http)).ToList();
        WaitUntil(() => service.HeldCount == 4);

        for (var i = 0; i < 4; i++) service.Let((HttpStatusCode)429);
        await Task.WhenAll(sends);

        Assert.Equal(2, limit.Limit);
        Assert.Equal(1, limit.Cuts);
    }

    [Fact]
    public async Task After_a_cut_only_the_lower_limit_is_let_through()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Hold = true;
        var first = Enumerable.Range(0, 4).Select(_ => Send(http)).ToList();
        WaitUntil(() => service.HeldCount == 4);
        var waiting = Enumerable.Range(0, 6).Select(_ => Send(http)).ToList();

        // One 429 halves the limit to 2: the three still in flight finish, and only then do two (no more) of the waiters go in.
        service.Let((HttpStatusCode)429);
        await first[0];
        Assert.Equal(3, limit.InFlight);
        for (var i = 0; i < 3; i++) service.Let(HttpStatusCode.OK);
        await Task.WhenAll(first);
        WaitUntil(() => service.HeldCount == 2);
        Assert.Equal(2, limit.InFlight);
        Assert.Equal(2, limit.Limit);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        service.Hold = false;
        while (waiting.Any(w => !w.IsCompleted))
        {
            if (service.HeldCount > 0) service.Let(HttpStatusCode.OK);
            else await Task.Yield();
        }
        await Task.WhenAll(waiting);
        Assert.Equal(0, limit.InFlight);
    }

    [Fact]
    public async Task A_request_cancelled_while_waiting_or_in_flight_gives_its_slot_back()
    {
        var (limit, service, http) = Gate(ceiling: 16);
        service.Hold = true;
        using var inFlight = new CancellationTokenSource();
        using var waiting = new CancellationTokenSource();
        var held = Enumerable.Range(0, 3).Select(_ => Send(http)).ToList();
        var cancelledInFlight = Send(http, inFlight.Token);
        WaitUntil(() => service.HeldCount == 4);
        var cancelledWaiting = Send(http, waiting.Token);

        waiting.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledWaiting);
        inFlight.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelledInFlight);

        Assert.Equal(3, limit.InFlight);
        Assert.Equal(4, limit.Limit); // a cancellation is not a throttling signal
        // The freed slot (and no more) is free: one new request goes straight in.
        var next = Send(http);
        WaitUntil(() => limit.InFlight == 4);
        Assert.Equal(5, service.HeldCount); // the cancelled one's entry stays queued in the fake, already answered
        service.Hold = false;
        while (service.HeldCount > 0) service.Let(HttpStatusCode.OK);
        await Task.WhenAll(held.Append(next));
        Assert.Equal(0, limit.InFlight);
    }

    [Fact]
    public async Task Under_the_retry_layer_a_retry_wait_holds_no_slot()
    {
        var limit = new AdaptiveConcurrencyLimit(16);
        var service = new FakeService(limit);
        var answers = new Queue<HttpStatusCode>(new[] { (HttpStatusCode)429, HttpStatusCode.OK });
        service.Answer = () => answers.Dequeue();
        var inFlightDuringWaits = new List<int>();
        var policy = new RetryPolicy { Delay = (_, _) => { inFlightDuringWaits.Add(limit.InFlight); return Task.CompletedTask; } };
        using var http = new HttpMessageInvoker(new RetryingHandler(policy, new ConcurrencyGateHandler(limit, service)));

        using var response = await Send(http);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { 0 }, inFlightDuringWaits);
        Assert.Equal(2, limit.Limit);
    }

    [Fact]
    public void The_limit_starts_at_the_ceiling_when_that_is_below_four()
    {
        Assert.Equal(2, new AdaptiveConcurrencyLimit(2).Limit);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveConcurrencyLimit(0));
    }
}
