namespace LlmErs.Redis;

/// <summary>What <see cref="RedisWorkQueue.EnqueueAsync{TItem}"/> did.</summary>
/// <param name="Items">Items with a usable key in the catalog.</param>
/// <param name="Added">Items added to the queue by this call.</param>
/// <param name="AlreadyQueued">Items an earlier call had added, so not added again.</param>
/// <param name="Skipped">Items not enqueued: a null item, an empty or unreadable key, or a key seen earlier in the catalog.
/// The finishing pipeline reports them as it does in a single-process run.</param>
public sealed record EnqueueResult(int Items, int Added, int AlreadyQueued, int Skipped);
