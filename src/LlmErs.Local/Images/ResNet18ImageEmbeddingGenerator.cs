using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace LlmErs.Local;

/// <summary>
/// An offline <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for images: ResNet18 (ImageNet), as the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 NuGet package ships it in ONNX, run through ONNX Runtime, 512 pooled
/// features per image, L2-normalized. Images are decoded and resized with SkiaSharp (PNG, JPEG, GIF, WebP, BMP).
/// Deterministic: the same bytes give the same vector. No network, no key.
/// </summary>
public sealed class ResNet18ImageEmbeddingGenerator : IEmbeddingGenerator<DataContent, Embedding<float>>
{
    /// <summary>The model's id in metadata, cache keys and vector stores.</summary>
    public const string ModelId = "resnet18-imagenet-pool5";

    /// <summary>The vector's dimension.</summary>
    public const int Dimensions = ResNet18Session.Dimensions;

    private readonly ResNet18Session[] _sessions;
    private readonly long _maxImageBytes;

    /// <summary>Loads the two ONNX models; one session per thread, since a session runs one image at a time here.</summary>
    /// <exception cref="FileNotFoundException">The model files are not in <see cref="ResNet18ImageEmbeddingGeneratorOptions.ModelDirectory"/>.</exception>
    public ResNet18ImageEmbeddingGenerator(ResNet18ImageEmbeddingGeneratorOptions? options = null)
    {
        options ??= new ResNet18ImageEmbeddingGeneratorOptions();
        var threads = options.Threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxImageBytes, 1, nameof(options));
        _maxImageBytes = options.MaxImageBytes;
        var directory = options.ModelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        _sessions = new ResNet18Session[threads];
        try
        {
            for (var i = 0; i < threads; i++)
            {
                _sessions[i] = new ResNet18Session(directory);
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        Metadata = new EmbeddingGeneratorMetadata("LlmErs.Local", providerUri: null, ModelId, Dimensions);
    }

    /// <summary>The generator's metadata: provider, model id, dimension.</summary>
    public EmbeddingGeneratorMetadata Metadata { get; }

    /// <summary>Embeds each image; the vectors come back in input order.</summary>
    /// <exception cref="ArgumentException">An image is null, too large, or does not decode; the message names it.</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<DataContent> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new NotSupportedException($"'{ModelId}' produces {Dimensions}-dimensional vectors, not {dimensions}.");
        }

        var images = values as IReadOnlyList<DataContent> ?? values.ToArray();
        var vectors = new float[images.Count][];
        var next = -1;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _sessions.Length, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, _sessions.Length, parallel, worker => EmbedShare(worker, images, vectors, ref next, cancellationToken));
        }
        catch (AggregateException ex)
        {
            // The caller sees what went wrong with its input, as a sequential loop would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        var createdAt = DateTimeOffset.UtcNow;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(images.Count);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = createdAt });
        }

        return Task.FromResult(embeddings);
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

    /// <summary>Releases the ONNX sessions.</summary>
    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session?.Dispose();
        }
    }

    /// <summary>One worker's part: it takes the next image not taken yet until none is left, with its own session.</summary>
    private void EmbedShare(int worker, IReadOnlyList<DataContent> images, float[][] vectors, ref int next, CancellationToken cancellationToken)
    {
        var pixels = new float[3 * ResNetPixels.Side * ResNetPixels.Side];
        for (var i = Interlocked.Increment(ref next); i < images.Count; i = Interlocked.Increment(ref next))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = images[i] ?? throw new ArgumentException($"The image at position {i} is null.", "values");
            if (image.Data.Length > _maxImageBytes)
            {
                throw new ArgumentException(
                    $"The image at position {i} ({Describe(image)}) has {image.Data.Length:N0} bytes, more than the {_maxImageBytes:N0} allowed; shrink it or raise MaxImageBytes.",
                    "values");
            }

            if (!ResNetPixels.TryFill(image.Data.Span, pixels))
            {
                throw new ArgumentException($"The image at position {i} ({Describe(image)}) does not decode as an image.", "values");
            }

            var vector = _sessions[worker].Embed(pixels);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0f)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }

            vectors[i] = vector;
        }
    }

    private static string Describe(DataContent image) => image.Name is { } name ? $"'{name}', {image.MediaType}" : image.MediaType;
}
