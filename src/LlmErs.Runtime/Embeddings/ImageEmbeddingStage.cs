using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Computes every image embedding field (<c>[Embedding(Images = nameof(Member))]</c>) of a catalog: reads each item's
/// first image (<see cref="ItemImageReader"/>), embeds the images in batches with an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of <see cref="DataContent"/> (e.g. LlmErs.Local's
/// <c>ResNet18ImageEmbeddingGenerator</c>), L2-normalizes and stores the vectors on the items. Vectors are cached by
/// field fingerprint, model id and image digest in the content-addressed cache, so a re-run embeds only changed images.
/// An item without an image, or whose image cannot be read, keeps no vector; the report names each failure.
/// <see cref="OfflinePipeline{TItem}"/> runs it beside the text embeddings when given an image embedding generator.
/// </summary>
public sealed class ImageEmbeddingStage
{
    private readonly FieldVectorEmbedder<DataContent> _embedder;
    private readonly ImageEmbeddingStageOptions _options;
    private readonly ImageOptions _images;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentException">Neither the options nor the generator name the model.</exception>
    public ImageEmbeddingStage(IEmbeddingGenerator<DataContent, Embedding<float>> generator, IEnrichmentCache cache, ImageEmbeddingStageOptions? options = null)
        : this(generator, cache, options, enrichmentImages: null)
    {
    }

    /// <summary>Creates a pipeline's stage: unless its options say otherwise, it reads images as the pipeline's enrichment does.</summary>
    internal ImageEmbeddingStage(
        IEmbeddingGenerator<DataContent, Embedding<float>> generator, IEnrichmentCache cache, ImageEmbeddingStageOptions? options, ImageOptions? enrichmentImages)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(cache);
        _options = options ?? new ImageEmbeddingStageOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        _images = _options.Images ?? enrichmentImages ?? new ImageOptions();
        _images.Validate();
        _embedder = new FieldVectorEmbedder<DataContent>(
            generator, cache, _options.ModelId, $"{nameof(ImageEmbeddingStageOptions)}.{nameof(ImageEmbeddingStageOptions.ModelId)}", "image embedding model", "images");
    }

    /// <summary>The image model's id, as cache keys and vector stores name it.</summary>
    public string ModelId => _embedder.ModelId;

    /// <summary>Sets every image embedding field of every item that has an image.</summary>
    /// <param name="items">The items.</param>
    /// <param name="progress">Receives how many item fields are done (embedded, from the cache, failed or without an image).</param>
    /// <param name="cancellationToken">Cancels the run; the batches embedded stay cached.</param>
    /// <exception cref="InvalidOperationException">The model returns vectors of another dimension than a field declares.</exception>
    public async Task<ImageEmbeddingReport> EmbedAsync<T>(IReadOnlyList<T> items, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
        where T : IEnrichable<T>
    {
        ArgumentNullException.ThrowIfNull(items);
        var model = T.EnrichmentModel;
        int vectors = 0, hits = 0, calls = 0, withoutImage = 0, done = 0;
        var failures = new List<ImageEmbeddingFailure>();
        foreach (var field in model.EmbeddingFields.Where(f => f.EmbedsImages))
        {
            var pending = new List<(T Item, DataContent Image, CacheKey Key)>();
            foreach (var item in items)
            {
                var images = field.GetImages(item);
                if (images.Count == 0)
                {
                    withoutImage++;
                    progress?.Report(++done);
                    continue;
                }

                var read = await ItemImageReader.ReadAsync(images[0], _images, cancellationToken).ConfigureAwait(false);
                var problem = read.Problem ?? (read.Content is DataContent
                    ? null
                    : $"the image '{images[0].Description}' is an address, which a local image model cannot fetch; download it and use the file or its bytes");
                if (problem is not null)
                {
                    failures.Add(new ImageEmbeddingFailure(model.KeyOf(item), field.Name, problem));
                    progress?.Report(++done);
                    continue;
                }

                var key = _embedder.KeyOf(field, read.Digest!);
                if (await _embedder.TrySetCachedAsync(field, item, key, cancellationToken).ConfigureAwait(false))
                {
                    hits++;
                    vectors++;
                    progress?.Report(++done);
                    continue;
                }

                pending.Add((item, (DataContent)read.Content!, key));
            }

            foreach (var batch in pending.Chunk(_options.BatchSize))
            {
                await _embedder.EmbedAsync(field, batch, cancellationToken).ConfigureAwait(false);
                vectors += batch.Length;
                calls++;
                done += batch.Length;
                progress?.Report(done);
            }
        }

        return new ImageEmbeddingReport(vectors, hits, calls, withoutImage, failures);
    }
}
