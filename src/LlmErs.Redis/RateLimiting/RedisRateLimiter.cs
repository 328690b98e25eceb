using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis;

/// <summary>
/// A rate limit shared by every process that uses the same Redis key: at most <see cref="RedisRateLimiterOptions.PermitLimit"/>
/// permits per <see cref="RedisRateLimiterOptions.Window"/> in total, however many workers ask. Set it as
/// <see cref="EnrichmentResilienceOptions.SharedRateLimiter"/> so that workers together stay within one provider quota.
/// It is a generic cell rate algorithm on the Redis server's clock: each acquisition reserves the next free slot in one
/// script call and waits, locally, until its slot comes, so waiting costs no Redis traffic and waiters are served in the
/// order they asked.
/// </summary>
public sealed class RedisRateLimiter : RateLimiter
{
    // Times in microseconds of the server's clock. ARGV: slot length, burst tolerance, permits, 1 to reserve even when
    // the caller must wait (0: only when it need not). Returns the wait before the permits may be used.
    private const string AcquireScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
        local slot = tonumber(ARGV[1])
        local tolerance = tonumber(ARGV[2])
        local permits = tonumber(ARGV[3])
        local theoretical = tonumber(redis.call('GET', KEYS[1]) or '0')
        if theoretical < now then theoretical = now end
        local next = theoretical + permits * slot
        local wait = next - tolerance - now
        if wait < 0 then wait = 0 end
        if wait > 0 and ARGV[4] == '0' then return wait end
        redis.call('SET', KEYS[1], string.format('%d', next), 'PX', math.ceil((next - now) / 1000) + 1000)
        return wait
        """;

    private static readonly RateLimitLease s_granted = new Lease(true, null);

    private readonly IDatabase _database;
    private readonly RedisRateLimiterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly long _slotMicroseconds;
    private long _granted;
    private long _refused;
    private int _waiting;

    /// <summary>Creates the limiter.</summary>
    /// <param name="redis">The connection; the caller owns and disposes it.</param>
    /// <param name="options">The shared key and the limit; validated here.</param>
    /// <param name="timeProvider">The clock of local waits; <see cref="TimeProvider.System"/> by default.</param>
    public RedisRateLimiter(IConnectionMultiplexer redis, IOptions<RedisRateLimiterOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _options.Validate();
        _database = redis.GetDatabase(_options.Database);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _slotMicroseconds = Math.Max(1, (long)(_options.Window.TotalMicroseconds / _options.PermitLimit));
    }

    /// <summary>Always <see langword="null"/>: the limiter's state lives in Redis, shared with others, so it is never idle locally.</summary>
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = 0,
        CurrentQueuedCount = Volatile.Read(ref _waiting),
        TotalSuccessfulLeases = Interlocked.Read(ref _granted),
        TotalFailedLeases = Interlocked.Read(ref _refused),
    };

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        var wait = (long)_database.ScriptEvaluate(AcquireScript, [_options.Key], Arguments(permitCount, reserve: false));
        return wait == 0 ? Granted() : Refused(wait);
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var wait = (long)await _database.ScriptEvaluateAsync(AcquireScript, [_options.Key], Arguments(permitCount, reserve: true)).ConfigureAwait(false);
        if (wait > 0)
        {
            // A caller cancelled while waiting leaves its slot unused rather than giving it back: the limit is never exceeded.
            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(TimeSpan.FromMicroseconds(wait), _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return Granted();
    }

    private RedisValue[] Arguments(int permitCount, bool reserve)
    {
        if (permitCount > _options.PermitLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"{permitCount} permits exceed the limit of {_options.PermitLimit} per window.");
        }

        return [_slotMicroseconds, _slotMicroseconds * _options.Burst, permitCount, reserve ? 1 : 0];
    }

    private RateLimitLease Granted()
    {
        Interlocked.Increment(ref _granted);
        return s_granted;
    }

    private Lease Refused(long waitMicroseconds)
    {
        Interlocked.Increment(ref _refused);
        return new Lease(false, TimeSpan.FromMicroseconds(waitMicroseconds));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
