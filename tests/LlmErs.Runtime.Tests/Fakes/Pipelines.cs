using LlmErs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Offline pipelines over a test engine, writing into a test folder.</summary>
public static class Pipelines
{
    public static OfflinePipeline<T> Create<T>(
        EnrichmentEngine engine, IEnrichmentCache cache, string directory, params FeatureOutput[] outputs)
        where T : IEnrichable<T> =>
        Create<T>(engine, cache, directory, outputs, embeddings: null);

    public static OfflinePipeline<T> Create<T>(
        EnrichmentEngine engine, IEnrichmentCache cache, string directory, IEnumerable<FeatureOutput> outputs,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings, params IPipelineGate<T>[] gates)
        where T : IEnrichable<T>
    {
        var options = new OfflinePipelineOptions { OutputDirectory = directory };
        foreach (var output in outputs)
        {
            options.FeatureOutputs.Add(output);
        }

        return new OfflinePipeline<T>(engine, cache, Options.Create(options), embeddings, gates);
    }
}
