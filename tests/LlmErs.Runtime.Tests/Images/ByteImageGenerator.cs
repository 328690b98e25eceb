using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Images;

/// <summary>A stand-in image model: the vector is the image's last three bytes; it keeps the images it embedded.</summary>
internal sealed class ByteImageGenerator : IEmbeddingGenerator<DataContent, Embedding<float>>
{
    public const string ModelId = "byte-model";

    public int Images => Embedded.Count;

    /// <summary>The bytes of each image embedded, in order.</summary>
    public List<byte[]> Embedded { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<DataContent> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var bytes = value.Data.ToArray();
            Embedded.Add(bytes);
            result.Add(new Embedding<float>(bytes[^3..].Select(b => (float)b).ToArray()));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("bytes", null, ModelId, 3) : null;

    public void Dispose()
    {
    }
}
