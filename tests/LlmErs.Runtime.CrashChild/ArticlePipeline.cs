using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.CrashChild;

/// <summary>The offline pipeline every child process of the crash and scale-out tests runs: Parquet and JSONL files in one directory.</summary>
public static class ArticlePipeline
{
    public static OfflinePipeline<Article> Create(EnrichmentEngine engine, IEnrichmentCache cache, string directory) =>
        new(engine, cache, Options.Create(new OfflinePipelineOptions
        {
            OutputDirectory = directory,
            FeatureOutputs =
            {
                FeatureOutput.Parquet(Path.Combine(directory, "articles.parquet")),
                FeatureOutput.JsonLines(Path.Combine(directory, "articles.jsonl")),
            },
        }));
}
