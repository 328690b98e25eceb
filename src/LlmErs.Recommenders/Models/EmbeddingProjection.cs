using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Projects embeddings (e.g. 384-dimensional text embeddings) down to a model's dimension, to initialize item vectors
/// from them. Both projections centre the vectors first: the direction all text embeddings share says nothing about
/// which item a user prefers.
/// </summary>
public static class EmbeddingProjection
{
    /// <summary>
    /// Projects on the <paramref name="dimension"/> principal components of <paramref name="embeddings"/>, strongest
    /// first: the coordinates that keep most of the differences between items. Deterministic: the covariance is
    /// decomposed exactly (Jacobi) and each component signed so its largest entry is positive.
    /// </summary>
    /// <param name="embeddings">One row per item.</param>
    /// <param name="dimension">The output dimension, at most the input's.</param>
    /// <param name="maxDegreeOfParallelism">The most threads computing the covariance; -1 for all cores. The result does not depend on it.</param>
    /// <param name="cancellationToken">Cancels the covariance computation.</param>
    /// <returns>A new matrix, one row per input row; the caller disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or above the input dimension.</exception>
    /// <exception cref="ArgumentException"><paramref name="embeddings"/> is empty.</exception>
    public static VectorMatrix Pca(VectorMatrix embeddings, int dimension, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(embeddings, dimension);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for all cores, or a positive thread count.");
        }

        var projection = PcaProjection.Fit(
            embeddings, dimension, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken });
        var projected = VectorMatrix.Allocate(embeddings.Count, dimension);
        for (var row = 0; row < embeddings.Count; row++)
        {
            projection.Project(embeddings.GetRow(row), projected.GetWritableRow(row));
        }

        return projected;
    }

    /// <summary>
    /// Projects on <paramref name="dimension"/> random Gaussian directions (Johnson–Lindenstrauss): cheaper than PCA for
    /// large inputs and keeps distances approximately, though not the strongest directions first.
    /// </summary>
    /// <param name="embeddings">One row per item.</param>
    /// <param name="dimension">The output dimension.</param>
    /// <param name="seed">The seed of the random directions.</param>
    /// <returns>A new matrix, one row per input row; the caller disposes it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is below 1 or above the input dimension.</exception>
    /// <exception cref="ArgumentException"><paramref name="embeddings"/> is empty.</exception>
    public static VectorMatrix RandomProjection(VectorMatrix embeddings, int dimension, ulong seed = 42)
    {
        ThrowIfInvalid(embeddings, dimension);
        var input = embeddings.Dimension;
        var directions = new float[input * dimension];
        var random = new SplitMix64(seed);
        SeededNormal.Fill(directions, 1f / MathF.Sqrt(dimension), ref random);

        var mean = new double[input];
        for (var row = 0; row < embeddings.Count; row++)
        {
            var values = embeddings.GetRow(row);
            for (var d = 0; d < input; d++)
            {
                mean[d] += values[d];
            }
        }

        var centred = new float[input];
        var projected = VectorMatrix.Allocate(embeddings.Count, dimension);
        for (var row = 0; row < embeddings.Count; row++)
        {
            var values = embeddings.GetRow(row);
            for (var d = 0; d < input; d++)
            {
                centred[d] = (float)(values[d] - (mean[d] / embeddings.Count));
            }

            VectorOps.Project(centred, directions, projected.GetWritableRow(row));
        }

        return projected;
    }

    private static void ThrowIfInvalid(VectorMatrix embeddings, int dimension)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0)
        {
            throw new ArgumentException("There are no embeddings to project.", nameof(embeddings));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, embeddings.Dimension);
    }
}
