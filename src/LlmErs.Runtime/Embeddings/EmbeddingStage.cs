using System.Diagnostics;
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
    private readonly FieldVectorEmbedder<string> _embedder;
    private readonly EmbeddingStageOptions _options;
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
        _embedder = new FieldVectorEmbedder<string>(
            generator, cache, _options.ModelId, $"{nameof(EmbeddingStageOptions)}.{nameof(EmbeddingStageOptions.ModelId)}", "embedding model", "texts");
    }

    /// <summary>The embedding model's id, as cache keys and vector stores name it.</summary>
    public string ModelId => _embedder.ModelId;

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
                var key = _embedder.KeyOf(field, text);
                if (await _embedder.TrySetCachedAsync(field, item, key, cancellationToken).ConfigureAwait(false))
                {
                    hits++;
                    vectors++;
                    progress?.Report(vectors);
                    continue;
                }

                pending.Add((item, text, key));
            }

            // Texts of similar length share a call: a model pads every text of a batch to its longest.
            await OverlappedBatches.RunAsync(
                pending.OrderBy(p => p.Text.Length).Chunk(_options.BatchSize),
                (batch, token) => _embedder.EmbedAsync(field, batch, token),
                (batch, usage) =>
                {
                    truncated += usage?.AdditionalCounts?.TryGetValue(EmbeddingUsage.TruncatedInputCount, out var cut) is true ? (int)cut : 0;
                    vectors += batch.Length;
                    calls++;
                    progress?.Report(vectors);
                },
                cancellationToken).ConfigureAwait(false);
        }

        return new EmbeddingReport(vectors, hits, calls, watch.Elapsed) { TruncatedTexts = truncated };
    }
}
