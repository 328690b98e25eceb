namespace LlmErs.Redis;

/// <summary>What one <see cref="RedisEnrichmentWorker"/> did before the queue was complete.</summary>
/// <param name="Consumer">The worker's consumer name in the group.</param>
/// <param name="Items">Items this worker finished.</param>
/// <param name="Failed">Of those, items that failed (their failure is recorded in the queue).</param>
/// <param name="Reclaimed">Items taken over from workers that had left them untouched for longer than the claim timeout.</param>
/// <param name="Calls">Model requests this worker sent, re-asks included.</param>
/// <param name="Elapsed">From start until the queue was complete.</param>
public sealed record WorkerReport(string Consumer, int Items, int Failed, int Reclaimed, long Calls, TimeSpan Elapsed);
