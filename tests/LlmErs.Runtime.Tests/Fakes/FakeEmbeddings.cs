using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Deterministic vectors from the text's characters, not unit length, so normalization is observable.</summary>
public sealed class FakeEmbeddings(int dimensions, string? modelId = "fake-embeddings") : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public List<string> Texts { get; } = [];

    /// <summary>The texts of each call, in call order.</summary>
    public List<string[]> CallTexts { get; } = [];

    /// <summary>When set, texts longer than this are reported as cut to the model's window, as a local model reports them.</summary>
    public int? WindowLength { get; init; }

    public static float[] Raw(string text, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < text.Length; i++)
        {
            vector[i % dimensions] += text[i] % 17 + 1;
        }

        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var texts = values.ToList();
        Texts.AddRange(texts);
        CallTexts.Add([.. texts]);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Raw(t, dimensions))));
        if (WindowLength is { } window)
        {
            embeddings.Usage = new UsageDetails { AdditionalCounts = new() { [EmbeddingUsage.TruncatedInputCount] = texts.Count(t => t.Length > window) } };
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}
