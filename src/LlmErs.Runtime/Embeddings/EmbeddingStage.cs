using System.Diagnostics;
using LlmErs.Vectors;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Computes every <see cref="EmbeddingAttribute"/> field of a catalog: renders each item's generated source text
/// (which may read LLM-derived fields, so run it after enrichment) with each interpolated value cleaned as prompts clean
/// it (<see cref="EmbeddingStageOptions.Hygiene"/>), embeds the texts in batches, L2-normalizes the
/// vectors and stores them on the items. Vectors are cached by field fingerprint, model id and text in the same
/// content-addressed cache as the LLM answers, so a re-run embeds only what changed.
/// </summary>
public sealed class EmbeddingStage
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly IEnrichmentCache _cache;
    private readonly EmbeddingStageOptions _options;
    private readonly string _modelId;
    private readonly EmbeddingTextEncoder _encoder;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentException">Neither the options nor the generator name the model.</exception>
    public EmbeddingStage(IEmbeddingGenerator<string, Embedding<float>> generator, IEnrichmentCache cache, EmbeddingStageOptions? options = null)
        : this(generator, cache, options, options?.Hygiene ?? new PromptHygieneOptions())
    {
    }

    /// <summary>Creates the stage with the hygiene the pipeline's engine uses, unless the options name their own.</summary>
    internal EmbeddingStage(IEmbeddingGenerator<string, Embedding<float>> generator, IEnrichmentCache cache, EmbeddingStageOptions? options, PromptHygieneOptions hygiene)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options ?? new EmbeddingStageOptions();
        _encoder = new EmbeddingTextEncoder(_options.Hygiene ?? hygiene);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        _generator = generator;
        _cache = cache;
        _modelId = _options.ModelId
                   ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                   ?? throw new ArgumentException(
                       "The embedding generator reports no model id; set EmbeddingStageOptions.ModelId so cached vectors of different models never mix.",
                       nameof(options));
    }

    /// <summary>The embedding model's id, as cache keys and vector stores name it.</summary>
    public string ModelId => _modelId;

    /// <summary>Sets every embedding field of every item.</summary>
    /// <exception cref="InvalidOperationException">The model returns vectors of another dimension than a field declares.</exception>
    public async Task<EmbeddingReport> EmbedAsync<T>(IReadOnlyList<T> items, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        var watch = Stopwatch.StartNew();
        int vectors = 0, hits = 0, calls = 0, truncated = 0;
        // Image embeddings are the ImageEmbeddingStage's: a text model cannot encode them.
        foreach (var field in T.EnrichmentModel.EmbeddingFields.Where(f => !f.EmbedsImages))
        {
            var pending = new List<(T Item, string Text, CacheKey Key)>();
            foreach (var item in items)
            {
                var text = field.RenderText(item, _encoder);
                var key = EmbeddingCacheKey.Create(field.Fingerprint, _modelId, text);
                var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
                if (cached.Status == CacheLookupStatus.Hit && VectorCodec.Decode(cached.Value.Span, field.Dimensions) is { } vector)
                {
                    field.SetVector(item, vector);
                    hits++;
                    vectors++;
                    progress?.Report(vectors);
                    continue;
                }

                pending.Add((item, text, key));
            }

            // Texts of similar length share a call: a model pads every text of a batch to its longest.
            foreach (var batch in pending.OrderBy(p => p.Text.Length).Chunk(_options.BatchSize))
            {
                truncated += await EmbedBatchAsync(field, batch, cancellationToken).ConfigureAwait(false);
                vectors += batch.Length;
                calls++;
                progress?.Report(vectors);
            }
        }

        return new EmbeddingReport(vectors, hits, calls, watch.Elapsed) { TruncatedTexts = truncated };
    }

    /// <summary>Embeds, caches and sets one batch; returns how many of its texts the model cut to its window.</summary>
    private async Task<int> EmbedBatchAsync<T>(EmbeddingField<T> field, (T Item, string Text, CacheKey Key)[] batch, CancellationToken cancellationToken)
    {
        var embeddings = await _generator.GenerateAsync(batch.Select(b => b.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != batch.Length)
        {
            throw new InvalidOperationException(
                $"The embedding model '{_modelId}' returned {embeddings.Count} vectors for {batch.Length} texts of {field}.");
        }

        // The writes of a batch go out together: a durable cache commits what is pending at once, one write at a time
        // would cost a commit per vector.
        var writes = new Task[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var source = embeddings[i].Vector.Span;
            if (source.Length != field.Dimensions)
            {
                throw new InvalidOperationException(
                    $"{field} is declared with Dimensions = {field.Dimensions}, but the embedding model '{_modelId}' returns {source.Length}-dimensional vectors. " +
                    $"Set Dimensions = {source.Length} on the [Embedding] attribute, or use a model of {field.Dimensions} dimensions.");
            }

            var vector = new float[source.Length];
            VectorMath.Normalize(source, vector);
            writes[i] = _cache.SetAsync(batch[i].Key, VectorCodec.Encode(vector), cancellationToken).AsTask();
            field.SetVector(batch[i].Item, vector);
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
        return embeddings.Usage?.AdditionalCounts?.TryGetValue(EmbeddingUsage.TruncatedInputCount, out var cut) is true ? (int)cut : 0;
    }
}
