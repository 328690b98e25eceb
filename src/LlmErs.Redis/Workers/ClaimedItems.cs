using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LlmErs.Redis;

/// <summary>The items one worker holds, from claim to acknowledgement, and the loops that claim and keep them.</summary>
internal sealed class ClaimedItems<TItem>(RedisWorkQueue queue, string consumer, Dictionary<string, TItem> catalog, ILogger logger) : IDisposable
{
    private readonly Channel<TItem> _channel = Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentDictionary<string, RedisValue> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(queue.Options.MaxClaimedItems, queue.Options.MaxClaimedItems);
    private readonly RedisWorkQueueOptions _options = queue.Options;
    private RedisValue _autoClaimCursor = "0-0";

    public ChannelReader<TItem> Reader => _channel.Reader;

    public int Reclaimed { get; private set; }

    public async Task ClaimUntilCompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // Claim no more than the free slots: what a worker holds, nobody else may take until it looks dead.
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var wanted = 1;
                while (wanted < _options.MaxClaimedItems && _slots.Wait(0))
                {
                    wanted++;
                }

                var entries = await ClaimAsync(wanted).ConfigureAwait(false);
                var taken = Hand(entries);
                if (wanted > taken)
                {
                    _slots.Release(wanted - taken);
                }

                if (entries.Length == 0)
                {
                    if ((await queue.GetProgressAsync(cancellationToken).ConfigureAwait(false)).IsComplete)
                    {
                        break;
                    }

                    await Task.Delay(_options.PollInterval, queue.TimeProvider, cancellationToken).ConfigureAwait(false);
                }
            }

            _channel.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Keeps this worker's items from looking abandoned, however long the model takes: re-claiming resets their idle time.</summary>
    public async Task TouchAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ClaimIdleTimeout / 4, queue.TimeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var held = _entries.Values.ToArray();
            if (held.Length > 0)
            {
                await queue.Database.StreamClaimIdsOnlyAsync(queue.Keys.Stream, _options.ConsumerGroup, consumer, 0, held).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    public async Task CompleteAsync(string key, string? failure)
    {
        if (_entries.TryRemove(key, out var entry))
        {
            await queue.CompleteAsync(entry, key, failure).ConfigureAwait(false);
            _slots.Release();
        }
    }

    /// <summary>Items abandoned by dead workers first, then new ones.</summary>
    private async Task<StreamEntry[]> ClaimAsync(int count)
    {
        var database = queue.Database;
        var abandoned = await database.StreamAutoClaimAsync(
            queue.Keys.Stream, _options.ConsumerGroup, consumer, (long)_options.ClaimIdleTimeout.TotalMilliseconds, _autoClaimCursor, count)
            .ConfigureAwait(false);
        _autoClaimCursor = abandoned.NextStartId;
        if (abandoned.ClaimedEntries.Length > 0)
        {
            var takenOver = abandoned.ClaimedEntries.Count(e => !_entries.ContainsKey((string?)e["key"] ?? ""));
            Reclaimed += takenOver;
            if (takenOver > 0)
            {
                WorkerLog.Reclaimed(logger, consumer, takenOver, _options.ClaimIdleTimeout);
            }

            return abandoned.ClaimedEntries;
        }

        return await database.StreamReadGroupAsync(queue.Keys.Stream, _options.ConsumerGroup, consumer, StreamPosition.NewMessages, count)
            .ConfigureAwait(false);
    }

    /// <summary>Hands the claimed items to the engine; returns how many it took (an item this worker already holds is not taken twice).</summary>
    private int Hand(StreamEntry[] entries)
    {
        var taken = 0;
        foreach (var entry in entries)
        {
            var key = (string?)entry["key"];
            if (key is null || _entries.ContainsKey(key))
            {
                continue;
            }

            if (!catalog.TryGetValue(key, out var item))
            {
                throw new InvalidOperationException(
                    $"Queue '{_options.Name}' holds item '{key}', which this worker's catalog of {catalog.Count} {typeof(TItem).Name} item(s) lacks. " +
                    "Give every worker the catalog the queue was filled from, or delete the queue (RedisWorkQueue.DeleteAsync) and enqueue again.");
            }

            _entries[key] = entry.Id;
            _channel.Writer.TryWrite(item);
            taken++;
        }

        return taken;
    }
}
