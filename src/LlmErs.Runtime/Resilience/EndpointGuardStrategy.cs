using Microsoft.Extensions.AI;
using Polly;

namespace LlmErs;

/// <summary>
/// Hands each attempt's outcome to the run's <see cref="EndpointGuard"/>. It sits just outside the per-attempt timeout,
/// so it sees every attempt, timed-out ones included, and none of the waits the pipeline imposes itself.
/// </summary>
internal sealed class EndpointGuardStrategy : ResilienceStrategy<ChatResponse>
{
    protected override async ValueTask<Outcome<ChatResponse>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<ChatResponse>>> callback, ResilienceContext context, TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (context.Properties.TryGetValue(EndpointGuard.Key, out var guard) && !context.CancellationToken.IsCancellationRequested)
        {
            guard.Observe(outcome.Exception);
        }

        return outcome;
    }

    /// <summary>The strategy has no options of its own.</summary>
    public sealed class Options : ResilienceStrategyOptions;
}
