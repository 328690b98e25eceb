namespace LlmErs.Redis;

/// <summary>Where a <see cref="RedisWorkQueue"/> stands.</summary>
/// <param name="Enqueued">Items ever enqueued.</param>
/// <param name="Done">Items whose outcome is final.</param>
/// <param name="Failed">Done items that failed; the finishing pipeline asks for their fields again, as any re-run does.</param>
/// <param name="Sealed">Whether the coordinator has enqueued the whole catalog.</param>
public sealed record WorkQueueProgress(long Enqueued, long Done, long Failed, bool Sealed)
{
    /// <summary>Whether every item of the sealed queue is done.</summary>
    public bool IsComplete => Sealed && Done >= Enqueued;
}
