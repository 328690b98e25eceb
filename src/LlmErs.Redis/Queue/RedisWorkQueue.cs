using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmErs.Redis;

/// <summary>
/// The work of enriching one catalog, shared through a Redis stream and consumer group: the coordinator enqueues every
/// item's key once (<see cref="EnqueueAsync{TItem}"/>), <see cref="RedisEnrichmentWorker"/>s on any machine claim and
/// finish them, and one finishing step waits for the queue (<see cref="WaitForCompletionAsync"/>) and runs the
/// <see cref="OfflinePipeline{TItem}"/> over the shared cache to write the outputs.
/// </summary>
public sealed class RedisWorkQueue
{
    private const int EnqueueBatchSize = 500;

    // One script call per batch: an item joins the stream only when it joins the set of enqueued keys, so a coordinator
    // that is re-run, or killed between two batches and re-run, never enqueues an item twice.
    private const string EnqueueScript = """
        local added = 0
        for i = 1, #ARGV do
          if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
            redis.call('XADD', KEYS[2], '*', 'key', ARGV[i])
            added = added + 1
          end
        end
        return added
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the queue.</summary>
    /// <param name="redis">The connection; the caller owns and disposes it.</param>
    /// <param name="options">The queue's name, consumer group and worker settings; validated here.</param>
    /// <param name="timeProvider">The clock of polling; <see cref="TimeProvider.System"/> by default.</param>
    public RedisWorkQueue(IConnectionMultiplexer redis, IOptions<RedisWorkQueueOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Options.Validate();
        _redis = redis;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Keys = new QueueKeys(Options.Name);
    }

    internal RedisWorkQueueOptions Options { get; }

    internal QueueKeys Keys { get; }

    internal IDatabase Database => _redis.GetDatabase(Options.Database);

    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>
    /// Adds every item of <paramref name="catalog"/> whose key the queue has never held, then seals the queue so that
    /// workers may stop once it is drained. Safe to call again, after a crash or with a grown catalog: items already
    /// enqueued are not added twice.
    /// </summary>
    public async Task<EnqueueResult> EnqueueAsync<TItem>(IEnumerable<TItem> catalog, CancellationToken cancellationToken = default)
        where TItem : IEnrichable<TItem>
    {
        ArgumentNullException.ThrowIfNull(catalog);
        await EnsureGroupAsync().ConfigureAwait(false);
        var database = Database;
        var keys = CatalogKeys.Read(catalog, out var skipped);
        var added = 0;
        foreach (var batch in keys.Keys.Chunk(EnqueueBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await database.ScriptEvaluateAsync(
                EnqueueScript, [Keys.Items, Keys.Stream], [.. batch.Select(k => (RedisValue)k)]).ConfigureAwait(false);
            added += (int)result;
        }

        await database.StringSetAsync(Keys.Sealed, 1).ConfigureAwait(false);
        return new EnqueueResult(keys.Count, added, keys.Count - added, skipped);
    }

    /// <summary>Reads how many items are enqueued, done and failed.</summary>
    public async Task<WorkQueueProgress> GetProgressAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = Database.CreateBatch();
        var enqueued = batch.SetLengthAsync(Keys.Items);
        var done = batch.SetLengthAsync(Keys.Done);
        var failed = batch.HashLengthAsync(Keys.Failed);
        var sealedFlag = batch.KeyExistsAsync(Keys.Sealed);
        batch.Execute();
        return new WorkQueueProgress(
            await enqueued.ConfigureAwait(false), await done.ConfigureAwait(false), await failed.ConfigureAwait(false), await sealedFlag.ConfigureAwait(false));
    }

    /// <summary>Waits until every enqueued item is done, polling every <see cref="RedisWorkQueueOptions.PollInterval"/>.</summary>
    public async Task<WorkQueueProgress> WaitForCompletionAsync(IProgress<WorkQueueProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = await GetProgressAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(current);
            if (current.IsComplete)
            {
                return current;
            }

            await Task.Delay(Options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the queue's keys (not the cache), to enrich the catalog again from scratch under the same name.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.KeyDeleteAsync(Keys.All).ConfigureAwait(false);
    }

    /// <summary>Creates the consumer group (and the stream) unless it exists; from the stream's start, so no entry is missed.</summary>
    internal async Task EnsureGroupAsync()
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(Keys.Stream, Options.ConsumerGroup, StreamPosition.Beginning, createStream: true)
                .ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another worker or the coordinator created it first.
        }
    }

    /// <summary>Records an item's final outcome and acknowledges its entry, in one transaction.</summary>
    internal async Task CompleteAsync(RedisValue entryId, string key, string? failure)
    {
        var transaction = Database.CreateTransaction();
        var acknowledged = transaction.StreamAcknowledgeAsync(Keys.Stream, Options.ConsumerGroup, entryId);
        var done = transaction.SetAddAsync(Keys.Done, key);
        var recorded = failure is null
            ? transaction.HashDeleteAsync(Keys.Failed, key)
            : transaction.HashSetAsync(Keys.Failed, key, failure);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        await Task.WhenAll(acknowledged, done, recorded).ConfigureAwait(false);
    }
}
