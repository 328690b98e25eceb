
namespace LlmErs.Vectors;

/// <summary>
/// Trains residual-quantization codebooks with k-means (RQ-KMeans): k-means on the vectors gives level 0, k-means on
/// what level 0 leaves gives level 1, and so on. Similar items then share ID prefixes.
/// </summary>
/// <remarks>
/// Training is reproducible: the same vectors, options and seed give bit-identical codebooks on any machine and with
/// any number of threads.
/// </remarks>
public static class RqKMeans
{
    /// <summary>Trains codebooks on the rows of <paramref name="vectors"/>.</summary>
    /// <param name="vectors">The training vectors, e.g. every item's content embedding.</param>
    /// <param name="options">Levels, codes, seed, iterations, optional PCA.</param>
    /// <param name="cancellationToken">Cancels training.</param>
    /// <exception cref="ArgumentException">The options are out of range, or there are no vectors.</exception>
    public static SemanticIdCodebook Train(VectorMatrix vectors, RqKMeansOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new RqKMeansOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Levels, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Levels, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Codes, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Codes, 65_536, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.PcaDimensions, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PcaDimensions, vectors.Dimension, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options));
        if (vectors.Count == 0)
        {
            throw new ArgumentException("There are no vectors to train on.", nameof(vectors));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var projection = options.PcaDimensions > 0 && options.PcaDimensions < vectors.Dimension
            ? PcaProjection.Fit(vectors, options.PcaDimensions, parallel)
            : null;
        var dimension = projection?.OutputDimension ?? vectors.Dimension;

        var residuals = new float[vectors.Count * dimension];
        Parallel.For(0, vectors.Count, parallel, row =>
        {
            var target = residuals.AsSpan(row * dimension, dimension);
            if (projection is null)
            {
                vectors.GetRow(row).CopyTo(target);
            }
            else
            {
                projection.Project(vectors.GetRow(row), target);
            }
        });

        var centroids = new float[options.Levels][];
        var seeds = new SplitMix64(options.Seed);
        var assignments = new int[vectors.Count];
        var distances = new float[vectors.Count];
        for (var level = 0; level < options.Levels; level++)
        {
            centroids[level] = KMeans.Fit(residuals, dimension, options.Codes, seeds.NextUInt64(), options.MaxIterations, parallel);
            Array.Fill(assignments, -1);
            KMeans.Assign(residuals, dimension, centroids[level], assignments, distances, parallel);
            Parallel.For(0, vectors.Count, parallel, row =>
            {
                var residual = residuals.AsSpan(row * dimension, dimension);
                var centroid = centroids[level].AsSpan(assignments[row] * dimension, dimension);
                for (var d = 0; d < dimension; d++)
                {
                    residual[d] -= centroid[d];
                }
            });
        }

        return new SemanticIdCodebook(vectors.Dimension, projection, centroids, options.Codes);
    }
}
