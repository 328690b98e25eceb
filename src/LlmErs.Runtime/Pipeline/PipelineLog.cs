using Microsoft.Extensions.Logging;

namespace LlmErs;

internal static partial class PipelineLog
{
    [LoggerMessage(100, LogLevel.Information, "Pipeline run {RunId} over {Items} {ItemType} item(s): stage {Stage}.")]
    public static partial void StageStarting(ILogger logger, string runId, int items, string itemType, PipelineStage stage);

    [LoggerMessage(101, LogLevel.Information, "Gate '{Gate}' ran over {Items} item(s).")]
    public static partial void GateRan(ILogger logger, string gate, int items);

    [LoggerMessage(102, LogLevel.Warning, "{Items} item(s) get no vector: an input of their embedding text has no value (first: '{Key}', {Status}).")]
    public static partial void NotEmbedded(ILogger logger, int items, string key, string status);

    [LoggerMessage(107, LogLevel.Warning, "{Items} image(s) could not be embedded; their items' fields are failed (first: {Failure})")]
    public static partial void ImagesNotEmbedded(ILogger logger, int items, string failure);

    [LoggerMessage(103, LogLevel.Warning, "No item has a vector for {Field}; no vector store is written for it.")]
    public static partial void NoVectorStore(ILogger logger, string field);

    [LoggerMessage(104, LogLevel.Information, "Wrote {Path} ({Bytes} bytes, SHA-256 {Sha256}).")]
    public static partial void Wrote(ILogger logger, string path, long bytes, string sha256);

    [LoggerMessage(106, LogLevel.Warning, "Review: {Problem}")]
    public static partial void ReviewProblem(ILogger logger, string problem);

    [LoggerMessage(105, LogLevel.Information, "Pipeline run {RunId} completed in {WallTime}; manifest {ManifestPath}.")]
    public static partial void Completed(ILogger logger, string runId, TimeSpan wallTime, string manifestPath);
}
