using LlmErs.Vectors;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Computes every image embedding field (<c>[Embedding(Images = nameof(Member))]</c>) of a catalog: reads each item's
/// first image (<see cref="ItemImageReader"/>), embeds the images in batches with an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of <see cref="DataContent"/> (e.g. LlmErs.Local's
/// <c>ResNet18ImageEmbeddingGenerator</c>), L2-normalizes and stores the vectors on the items. Vectors are cached by
/// field fingerprint, model id and image digest in the content-addressed cache, so a re-run embeds only changed images.
/// An item without an image, or whose image cannot be read, keeps no vector; the report names each failure.
/// </summary>
public sealed class ImageEmbeddingStage
{
    private readonly IEmbeddingGenerator<DataContent, Embedding<float>> _generator;
    private readonly IEnrichmentCache _cache;
    private readonly ImageEmbeddingStageOptions _options;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentException">Neither the options nor the generator name the model.</exception>
    public ImageEmbeddingStage(IEmbeddingGenerator<DataContent, Embedding<float>> generator, IEnrichmentCache cache, ImageEmbeddingStageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options ?? new ImageEmbeddingStageOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        ArgumentNullException.ThrowIfNull(_options.Images, nameof(options));
        _options.Images.Validate();
        _generator = generator;
        _cache = cache;
        ModelId = _options.ModelId
                  ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                  ?? throw new ArgumentException(
                      "The image embedding generator reports no model id; set ImageEmbeddingStageOptions.ModelId so cached vectors of different models never mix.",
                      nameof(options));
    }

    /// <summary>The image model's id, as cache keys name it.</summary>
    public string ModelId { get; }

    /// <summary>Sets every image embedding field of every item that has an image.</summary>
    /// <exception cref="InvalidOperationException">The model returns vectors of another dimension than a field declares.</exception>
    public async Task<ImageEmbeddingReport> EmbedAsync<T>(IReadOnlyList<T> items, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = T.EnrichmentModel;
        int vectors = 0, hits = 0, withoutImage = 0;
        var failures = new List<string>();
        foreach (var field in model.EmbeddingFields.Where(f => f.EmbedsImages))
        {
            var pending = new List<(T Item, DataContent Image, CacheKey Key)>();
            foreach (var item in items)
            {
                var images = field.GetImages(item);
                if (images.Count == 0)
                {
                    withoutImage++;
                    continue;
                }

                var where = $"Item '{model.KeyOf(item)}', field '{field.Name}'";
                var read = await ItemImageReader.ReadAsync(images[0], _options.Images, cancellationToken).ConfigureAwait(false);
                if (read.Problem is { } problem)
                {
                    failures.Add($"{where}: {problem}.");
                    continue;
                }

                if (read.Content is not DataContent image)
                {
                    failures.Add($"{where}: the image '{images[0].Description}' is an address, which a local image model cannot fetch; download it and use the file or its bytes.");
                    continue;
                }

                var key = EmbeddingCacheKey.Create(field.Fingerprint, ModelId, read.Digest!);
                var cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
                if (cached.Status == CacheLookupStatus.Hit && VectorCodec.Decode(cached.Value.Span, field.Dimensions) is { } vector)
                {
                    field.SetVector(item, vector);
                    hits++;
                    vectors++;
                    continue;
                }

                pending.Add((item, image, key));
            }

            foreach (var batch in pending.Chunk(_options.BatchSize))
            {
                await EmbedBatchAsync(field, batch, cancellationToken).ConfigureAwait(false);
                vectors += batch.Length;
            }
        }

        return new ImageEmbeddingReport(vectors, hits, withoutImage, failures);
    }

    private async Task EmbedBatchAsync<T>(EmbeddingField<T> field, (T Item, DataContent Image, CacheKey Key)[] batch, CancellationToken cancellationToken)
    {
        var embeddings = await _generator.GenerateAsync(batch.Select(b => b.Image), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != batch.Length)
        {
            throw new InvalidOperationException($"The image embedding model '{ModelId}' returned {embeddings.Count} vectors for {batch.Length} images of {field}.");
        }

        var writes = new Task[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var source = embeddings[i].Vector.Span;
            if (source.Length != field.Dimensions)
            {
                throw new InvalidOperationException(
                    $"{field} is declared with Dimensions = {field.Dimensions}, but the image embedding model '{ModelId}' returns {source.Length}-dimensional vectors. " +
                    $"Set Dimensions = {source.Length} on the [Embedding] attribute.");
            }

            var vector = new float[source.Length];
            VectorMath.Normalize(source, vector);
            writes[i] = _cache.SetAsync(batch[i].Key, VectorCodec.Encode(vector), cancellationToken).AsTask();
            field.SetVector(batch[i].Item, vector);
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
    }
}
