using Microsoft.Extensions.Logging;

namespace LlmErs;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Enriching {ItemType}: {FieldCount} LLM field(s), {Total} item(s), up to {Concurrency} request(s) at a time.")]
    public static partial void RunStarting(ILogger logger, string itemType, int fieldCount, string total, int concurrency);

    [LoggerMessage(2, LogLevel.Information, "Enriched {ItemType} in {WallTime}: {Succeeded} of {Items} item(s) succeeded, {Failed} failed; {LlmCalls} LLM call(s), {CacheHits} cache hit(s), {InputTokens} input and {OutputTokens} output token(s), cost {Cost}.")]
    public static partial void RunCompleted(ILogger logger, string itemType, TimeSpan wallTime, int succeeded, int items, int failed, long llmCalls, long cacheHits, long inputTokens, long outputTokens, decimal cost);

    [LoggerMessage(3, LogLevel.Information, "Enrichment progress: {Done}/{Total} item(s), {ItemsPerSecond:0.0}/s, ETA {Eta}, {TotalTokens} token(s), cost {Cost}.")]
    public static partial void Progress(ILogger logger, int done, string total, double itemsPerSecond, string eta, long totalTokens, decimal cost);

    [LoggerMessage(4, LogLevel.Warning, "Item '{Key}' failed ({Reason}): {Message}")]
    public static partial void ItemFailed(ILogger logger, string key, FailureReason reason, string message);

    [LoggerMessage(5, LogLevel.Warning, "Item '{Key}', field '{Field}': cache entry {CacheKey} is unusable ({Problem}); recomputing it.")]
    public static partial void CacheEntryCorrupt(ILogger logger, string key, string field, string cacheKey, string problem);

    [LoggerMessage(6, LogLevel.Debug, "Item '{Key}', field '{Field}': answer invalid, re-asking ({Reask}/{MaxReasks}): {Error}")]
    public static partial void Reasking(ILogger logger, string key, string field, int reask, int maxReasks, string error);

    [LoggerMessage(8, LogLevel.Error, "Enriching {ItemType} stopped ({Reason}): {Message}")]
    public static partial void RunStopped(ILogger logger, string itemType, StopReason reason, string message);

    [LoggerMessage(9, LogLevel.Warning, "The preflight request to model '{Model}' at {Address} was answered with an error ({ErrorType}: {Error}); the run goes on and retries what fails.")]
    public static partial void PreflightAnsweredWithError(ILogger logger, string model, string address, string errorType, string error);

    [LoggerMessage(10, LogLevel.Error, "The {Teacher} stopped ({Reason}): {Message}")]
    public static partial void TeacherStopped(ILogger logger, string teacher, StopReason reason, string message);
}
