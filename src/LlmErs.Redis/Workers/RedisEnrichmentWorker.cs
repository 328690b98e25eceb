using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LlmErs.Redis;

/// <summary>
/// One worker of a <see cref="RedisWorkQueue"/>: it claims items with <c>XREADGROUP</c>, takes over items a dead worker
/// left pending with <c>XAUTOCLAIM</c>, enriches them with its <see cref="EnrichmentEngine"/> (whose cache should be the
/// shared <see cref="RedisEnrichmentCache"/>), and acknowledges each item once its answers are in the cache — so a worker
/// killed at any point loses at most the requests it had in flight. Run as many as the model's limits allow, in one
/// process or many, on one machine or many; each needs the same catalog the queue was filled from.
/// </summary>
public sealed class RedisEnrichmentWorker
{
    private readonly RedisWorkQueue _queue;
    private readonly EnrichmentEngine _engine;
    private readonly ILogger _logger;

    /// <summary>Creates a worker.</summary>
    /// <param name="queue">The queue to drain.</param>
    /// <param name="engine">Enriches the claimed items; give it the shared cache.</param>
    /// <param name="consumer">The worker's name in the consumer group; by default machine name, process id and a random suffix.</param>
    /// <param name="loggerFactory">Logging; optional.</param>
    public RedisEnrichmentWorker(RedisWorkQueue queue, EnrichmentEngine engine, string? consumer = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(engine);
        _queue = queue;
        _engine = engine;
        Consumer = consumer ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        _logger = (ILogger?)loggerFactory?.CreateLogger<RedisEnrichmentWorker>() ?? NullLogger.Instance;
    }

    /// <summary>The worker's name in the consumer group.</summary>
    public string Consumer { get; }

    /// <summary>
    /// Works on the queue until every item is done (by this worker or others), then returns what this worker did.
    /// </summary>
    /// <param name="catalog">The catalog the queue was filled from; the worker looks claimed keys up in it.</param>
    /// <param name="cancellationToken">Stops the worker; the items it holds are taken over by others after the claim timeout.</param>
    /// <exception cref="InvalidOperationException">The queue holds a key that <paramref name="catalog"/> lacks.</exception>
    public async Task<WorkerReport> RunAsync<TItem>(IEnumerable<TItem> catalog, CancellationToken cancellationToken = default)
        where TItem : IEnrichable<TItem>
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var started = _queue.TimeProvider.GetTimestamp();
        var items = CatalogKeys.Read(catalog, out _);
        await _queue.EnsureGroupAsync().ConfigureAwait(false);
        WorkerLog.Started(_logger, Consumer, _queue.Options.Name, items.Count);

        using var claims = new ClaimedItems<TItem>(_queue, Consumer, items, _logger);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var claiming = claims.ClaimUntilCompleteAsync(stop.Token);
        var heartbeat = claims.TouchAsync(stop.Token);
        int done = 0, failed = 0;
        long calls = 0;
        try
        {
            await foreach (var outcome in _engine.EnrichAsync(claims.Reader.ReadAllAsync(stop.Token), stop.Token).ConfigureAwait(false))
            {
                // Acknowledged only now: the engine yields an item once every answer it got is in the cache.
                await claims.CompleteAsync(outcome.Key, outcome.Failure?.Message).ConfigureAwait(false);
                done++;
                failed += outcome.Succeeded ? 0 : 1;
                calls += outcome.Calls;
            }

            await claiming.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(claiming, heartbeat).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        var report = new WorkerReport(Consumer, done, failed, claims.Reclaimed, calls, _queue.TimeProvider.GetElapsedTime(started));
        WorkerLog.Completed(_logger, Consumer, _queue.Options.Name, report.Items, report.Failed, report.Reclaimed, report.Calls, report.Elapsed);
        return report;
    }
}
