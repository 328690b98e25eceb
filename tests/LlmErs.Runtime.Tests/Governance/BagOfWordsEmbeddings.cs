using Microsoft.Extensions.AI;

namespace LlmErs.Runtime.Tests.Governance;

/// <summary>A bag-of-words embedding: texts that share words point the same way, texts that share none are orthogonal.</summary>
internal sealed class BagOfWordsEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 4096;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(text =>
        {
            var vector = new float[Dimensions];
            foreach (var word in WordMatcher.Words(text))
            {
                vector[(int)(System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(word)) % Dimensions)] += 1;
            }

            return new Embedding<float>(vector);
        })));

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
