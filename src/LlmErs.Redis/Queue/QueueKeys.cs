using StackExchange.Redis;

namespace LlmErs.Redis;

/// <summary>The keys of one queue; the name in braces is their cluster hash tag, so scripts may touch them together.</summary>
internal sealed class QueueKeys(string name)
{
    /// <summary>The stream of work entries, one per item, each carrying the item's key.</summary>
    public RedisKey Stream { get; } = $"llmers:{{{name}}}:stream";

    /// <summary>The set of every item key ever enqueued: the marker that makes enqueueing idempotent.</summary>
    public RedisKey Items { get; } = $"llmers:{{{name}}}:items";

    /// <summary>The set of item keys whose outcome is final (answers cached, or failed after every retry).</summary>
    public RedisKey Done { get; } = $"llmers:{{{name}}}:done";

    /// <summary>Item keys that failed, with the failure's message.</summary>
    public RedisKey Failed { get; } = $"llmers:{{{name}}}:failed";

    /// <summary>Set once the coordinator has enqueued the whole catalog, so that workers never stop at a half-filled queue.</summary>
    public RedisKey Sealed { get; } = $"llmers:{{{name}}}:sealed";

    public RedisKey[] All => [Stream, Items, Done, Failed, Sealed];
}
