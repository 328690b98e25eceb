using LlmErs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Engines with resilience timings scaled down for tests: millisecond backoffs, short attempt timeouts.</summary>
public static class TestEngines
{
    public static EnrichmentOptions FastOptions(Action<EnrichmentOptions>? configure = null)
    {
        var options = new EnrichmentOptions { MaxConcurrency = 8, ProgressInterval = TimeSpan.Zero };
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(750);
        options.Resilience.MaxRetryAttempts = 2;
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        // The fault catalog fails some items on purpose; the breaker is tested on its own.
        options.Resilience.CircuitBreakerMinimumThroughput = 10_000;
        configure?.Invoke(options);
        return options;
    }

    public static EnrichmentEngine Create(IChatClient client, IEnrichmentCache cache, Action<EnrichmentOptions>? configure = null) =>
        new(client, cache, Options.Create(FastOptions(configure)));
}
