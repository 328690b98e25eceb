using Microsoft.Extensions.Logging;

namespace LlmErs.Redis;

internal static partial class WorkerLog
{
    [LoggerMessage(1, LogLevel.Information, "Worker {Consumer} joined queue {Queue} ({Items} catalog items).")]
    public static partial void Started(ILogger logger, string consumer, string queue, int items);

    [LoggerMessage(2, LogLevel.Warning, "Worker {Consumer} took over {Count} item(s) left untouched for {IdleTimeout} by another worker.")]
    public static partial void Reclaimed(ILogger logger, string consumer, int count, TimeSpan idleTimeout);

    [LoggerMessage(3, LogLevel.Information, "Worker {Consumer} is done: queue {Queue} is complete; it finished {Items} item(s), {Failed} failed, {Reclaimed} taken over, {Calls} model call(s), in {Elapsed}.")]
    public static partial void Completed(ILogger logger, string consumer, string queue, int items, int failed, int reclaimed, long calls, TimeSpan elapsed);
}
