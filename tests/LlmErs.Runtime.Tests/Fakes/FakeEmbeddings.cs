using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>Deterministic vectors from the text's characters, not unit length, so normalization is observable.</summary>
public sealed class FakeEmbeddings(int dimensions, string? modelId = "fake-embeddings") : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public List<string> Texts { get; } = [];

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
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Raw(t, dimensions)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}
