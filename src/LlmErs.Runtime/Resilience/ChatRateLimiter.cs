using System.Threading.RateLimiting;
using Polly;
using Polly.RateLimiting;

namespace LlmErs;

/// <summary>
/// Requests-per-minute and tokens-per-minute limits over a sliding one-minute window. A request waits, in arrival order,
/// until both limits allow it; its token cost is the estimate the engine puts in the resilience context.
/// </summary>
internal sealed class ChatRateLimiter : IDisposable
{
    public static readonly ResiliencePropertyKey<int> RequestTokens = new("LlmErs.RequestTokens");

    private const int SegmentsPerWindow = 12;

    private readonly SlidingWindowRateLimiter? _requests;
    private readonly SlidingWindowRateLimiter? _tokens;
    private readonly int _tokenLimit;

    /// <param name="requestsPerMinute">Most requests per window, or <see langword="null"/>.</param>
    /// <param name="tokensPerMinute">Most tokens per window, or <see langword="null"/>.</param>
    /// <param name="window">The window; one minute except in tests, which cannot wait that long.</param>
    public ChatRateLimiter(int? requestsPerMinute, int? tokensPerMinute, TimeSpan? window = null)
    {
        var length = window ?? TimeSpan.FromMinutes(1);
        _requests = requestsPerMinute is { } requests ? Create(requests, length) : null;
        _tokens = tokensPerMinute is { } tokens ? Create(tokens, length) : null;
        _tokenLimit = tokensPerMinute ?? 0;
    }

    public static ChatRateLimiter? Create(EnrichmentResilienceOptions options) =>
        options.RequestsPerMinute is null && options.TokensPerMinute is null
            ? null
            : new ChatRateLimiter(options.RequestsPerMinute, options.TokensPerMinute);

    public bool LimitsTokens => _tokens is not null;

    public async ValueTask<RateLimitLease> AcquireAsync(RateLimiterArguments args)
    {
        var cancellationToken = args.Context.CancellationToken;
        RateLimitLease? requestLease = null;
        if (_requests is not null)
        {
            requestLease = await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!requestLease.IsAcquired || _tokens is null)
            {
                return requestLease;
            }
        }

        // A single request larger than the whole budget can never fit; it waits for an empty window instead.
        var tokens = Math.Clamp(args.Context.Properties.GetValue(RequestTokens, 1), 1, _tokenLimit);
        var tokenLease = await _tokens!.AcquireAsync(tokens, cancellationToken).ConfigureAwait(false);
        if (requestLease is null)
        {
            return tokenLease;
        }

        if (!tokenLease.IsAcquired)
        {
            requestLease.Dispose();
            return tokenLease;
        }

        return new CombinedLease(requestLease, tokenLease);
    }

    public void Dispose()
    {
        _requests?.Dispose();
        _tokens?.Dispose();
    }

    private static SlidingWindowRateLimiter Create(int permitsPerWindow, TimeSpan window) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permitsPerWindow,
        Window = window,
        SegmentsPerWindow = SegmentsPerWindow,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private sealed class CombinedLease(RateLimitLease first, RateLimitLease second) : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => first.MetadataNames.Concat(second.MetadataNames);

        public override bool TryGetMetadata(string metadataName, out object? metadata) =>
            first.TryGetMetadata(metadataName, out metadata) || second.TryGetMetadata(metadataName, out metadata);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                second.Dispose();
            }
        }
    }
}
