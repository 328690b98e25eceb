using System.ClientModel;
using System.Diagnostics;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Xunit;

namespace LlmErs.Runtime.Tests.Resilience;

public sealed class ChatResiliencePipelineTests
{
    private static readonly ChatResponse s_ok = new(new ChatMessage(ChatRole.Assistant, "{}"));

    // The limits apply per minute in production; a short window keeps the test fast.
    private static readonly TimeSpan s_window = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task A429IsRetriedAfterTheServersRetryAfter_NotTheShortBackoff()
    {
        var pipeline = Create(o => o.BaseDelay = TimeSpan.FromMilliseconds(1));
        var attempts = new List<long>();

        var retries = await RunAsync(pipeline, _ =>
        {
            attempts.Add(Stopwatch.GetTimestamp());
            return attempts.Count == 1 ? throw FakePipelineResponse.Exception(FakeReply.Error(429, retryAfter: TimeSpan.FromMilliseconds(150))) : s_ok;
        });

        Assert.Equal(1, retries);
        Assert.True(Stopwatch.GetElapsedTime(attempts[0], attempts[1]) >= TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task RetryAfterIsCappedAtMaxDelay()
    {
        var pipeline = Create(o => o.MaxDelay = TimeSpan.FromMilliseconds(20));
        var watch = Stopwatch.StartNew();
        var calls = 0;

        await RunAsync(pipeline, _ => ++calls == 1 ? throw FakePipelineResponse.Exception(FakeReply.Error(429, retryAfter: TimeSpan.FromMinutes(5))) : s_ok);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TransientFailuresAreRetriedUpToTheLimit_OthersNotAtAll()
    {
        var pipeline = Create(o => o.MaxRetryAttempts = 3);
        var calls = 0;

        await Assert.ThrowsAsync<ClientResultException>(() => RunAsync(pipeline, _ => { calls++; throw FakePipelineResponse.Exception(FakeReply.Error(503)); }));
        Assert.Equal(4, calls);

        calls = 0;
        await Assert.ThrowsAsync<ClientResultException>(() => RunAsync(pipeline, _ => { calls++; throw FakePipelineResponse.Exception(FakeReply.Error(400)); }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task EachAttemptIsTimedOutAndRetried()
    {
        var pipeline = Create(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var calls = 0;

        var retries = await ExecuteAsync(pipeline, async token =>
        {
            if (++calls == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return s_ok;
        });

        Assert.Equal((2, 1), (calls, retries));
    }

    [Fact]
    public async Task TheCircuitOpensAfterRepeatedFailures_AndThenFailsFastWithoutCallingTheProvider()
    {
        var pipeline = Create(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        var calls = 0;
        Func<CancellationToken, ValueTask<ChatResponse>> failing = _ => { calls++; throw FakePipelineResponse.Exception(FakeReply.Error(500)); };

        await Assert.ThrowsAsync<ClientResultException>(() => ExecuteAsync(pipeline, failing));
        await Assert.ThrowsAsync<ClientResultException>(() => ExecuteAsync(pipeline, failing));
        var broken = await Assert.ThrowsAsync<BrokenCircuitException>(() => ExecuteAsync(pipeline, failing));

        Assert.Equal(2, calls);
        Assert.NotNull(broken.RetryAfter);
    }

    [Fact]
    public async Task RequestsOverTheLimitWaitForTheWindowToMove()
    {
        using var limiter = new ChatRateLimiter(requestsPerMinute: 2, tokensPerMinute: null, s_window);
        var pipeline = Create(limiter: limiter);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(RunAsync(pipeline, _ => s_ok), RunAsync(pipeline, _ => s_ok));
        var admittedAt = watch.Elapsed;
        await RunAsync(pipeline, _ => s_ok).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(admittedAt < s_window / 2, $"The first two requests took {admittedAt}.");
        Assert.True(watch.Elapsed >= s_window * 0.8, $"The third request was admitted after {watch.Elapsed}, before the window moved.");
    }

    [Fact]
    public async Task ARequestThatWouldExceedTheTokenBudgetWaitsForTheWindowToMove()
    {
        using var limiter = new ChatRateLimiter(requestsPerMinute: 100, tokensPerMinute: 100, s_window);
        var pipeline = Create(limiter: limiter);
        var watch = Stopwatch.StartNew();

        await RunAsync(pipeline, _ => s_ok, tokens: 60);
        var admittedAt = watch.Elapsed;
        await RunAsync(pipeline, _ => s_ok, tokens: 60).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(admittedAt < s_window / 2, $"The first request took {admittedAt}.");
        Assert.True(watch.Elapsed >= s_window * 0.8, $"The second request was admitted after {watch.Elapsed}, before the window moved.");
    }

    private static ResiliencePipeline<ChatResponse> Create(Action<EnrichmentResilienceOptions>? configure = null, ChatRateLimiter? limiter = null)
    {
        var options = new EnrichmentResilienceOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromSeconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            CircuitBreakerMinimumThroughput = 1_000,
        };
        configure?.Invoke(options);
        return ChatResiliencePipeline.Create(options, maxConcurrentRequests: 64, limiter, TimeProvider.System, loggerFactory: null);
    }

    private static Task<int> RunAsync(ResiliencePipeline<ChatResponse> pipeline, Func<CancellationToken, ChatResponse> call, int tokens = 1) =>
        ExecuteAsync(pipeline, token => ValueTask.FromResult(call(token)), tokens);

    private static async Task<int> ExecuteAsync(ResiliencePipeline<ChatResponse> pipeline, Func<CancellationToken, ValueTask<ChatResponse>> call, int tokens = 1)
    {
        var counter = new RetryCounter();
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(ChatResiliencePipeline.Retries, counter);
        context.Properties.Set(ChatRateLimiter.RequestTokens, tokens);
        try
        {
            await pipeline.ExecuteAsync(static (context, call) => call(context.CancellationToken), context, call);
            return counter.Count;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
