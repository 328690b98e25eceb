using System.Numerics.Tensors;
using LlmErs.Vectors;

namespace LlmErs;

/// <summary>
/// A linear map from one vector space into another (for example image vectors into the text-embedding space), fitted
/// by ridge least squares on pairs of vectors that describe the same item: <c>y ≈ (x − mean(x)) W + mean(y)</c>. With
/// it, an item that has only an image still gets a vector in the text space, and image and text vectors can be
/// compared. The fit is deterministic: the same pairs give the same map on every machine.
/// </summary>
public sealed class LinearAlignment
{
    private readonly float[] _weights;
    private readonly float[] _sourceMean;
    private readonly float[] _targetMean;

    private LinearAlignment(float[] weights, float[] sourceMean, float[] targetMean, int pairs)
    {
        _weights = weights;
        _sourceMean = sourceMean;
        _targetMean = targetMean;
        Pairs = pairs;
    }

    /// <summary>The dimension of the vectors mapped from.</summary>
    public int SourceDimensions => _sourceMean.Length;

    /// <summary>The dimension of the vectors mapped to.</summary>
    public int TargetDimensions => _targetMean.Length;

    /// <summary>How many pairs the map was fitted on.</summary>
    public int Pairs { get; }

    /// <summary>Fits the map from <paramref name="sources"/>[i] to <paramref name="targets"/>[i].</summary>
    /// <exception cref="ArgumentException">The lists differ in length, hold vectors of mixed dimensions, or too few pairs.</exception>
    public static LinearAlignment Fit(IReadOnlyList<ReadOnlyMemory<float>> sources, IReadOnlyList<ReadOnlyMemory<float>> targets, LinearAlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new LinearAlignmentOptions();
        if (!(options.Ridge >= 0) || double.IsInfinity(options.Ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Ridge, $"{nameof(LinearAlignmentOptions)}.{nameof(LinearAlignmentOptions.Ridge)} must be a finite number of at least 0.");
        }

        if (sources.Count != targets.Count)
        {
            throw new ArgumentException($"{sources.Count} source vectors but {targets.Count} target vectors; a map is fitted on pairs.", nameof(targets));
        }

        var n = sources.Count;
        if (n < Math.Max(1, options.MinimumPairs))
        {
            throw new ArgumentException(
                $"Only {n} pair(s) have both vectors; at least {Math.Max(1, options.MinimumPairs)} are needed to fit a map. Give more items both modalities.",
                nameof(sources));
        }

        var d = Dimension(sources, nameof(sources));
        var k = Dimension(targets, nameof(targets));
        var sourceMean = Mean(sources, d);
        var targetMean = Mean(targets, k);

        // Normal equations on centered data: (XᵀX + λI) W = XᵀY.
        var gram = new double[d * d];
        var cross = new double[d * k];
        var x = new double[d];
        var y = new double[k];
        for (var r = 0; r < n; r++)
        {
            Center(sources[r].Span, sourceMean, x);
            Center(targets[r].Span, targetMean, y);
            for (var i = 0; i < d; i++)
            {
                var xi = x[i];
                if (xi == 0)
                {
                    continue;
                }

                var gramRow = gram.AsSpan(i * d, d);
                for (var j = 0; j < d; j++)
                {
                    gramRow[j] += xi * x[j];
                }

                var crossRow = cross.AsSpan(i * k, k);
                for (var j = 0; j < k; j++)
                {
                    crossRow[j] += xi * y[j];
                }
            }
        }

        var trace = 0.0;
        for (var i = 0; i < d; i++)
        {
            trace += gram[(i * d) + i];
        }

        // Relative to the mean squared norm per dimension, so the penalty means the same for vectors of any scale.
        var lambda = options.Ridge * trace / d;
        for (var i = 0; i < d; i++)
        {
            gram[(i * d) + i] += lambda;
        }

        return new LinearAlignment(Solve(gram, cross, d, k, trace), sourceMean, targetMean, n);
    }

    /// <summary>Maps <paramref name="source"/> into the target space.</summary>
    public float[] Map(ReadOnlySpan<float> source)
    {
        var destination = new float[TargetDimensions];
        Map(source, destination);
        return destination;
    }

    /// <summary>Maps <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">A vector has the wrong dimension.</exception>
    public void Map(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (source.Length != SourceDimensions || destination.Length != TargetDimensions)
        {
            throw new ArgumentException(
                $"The map takes {SourceDimensions}-dimensional vectors to {TargetDimensions}; got {source.Length} into {destination.Length}.", nameof(source));
        }

        _targetMean.CopyTo(destination);
        for (var i = 0; i < source.Length; i++)
        {
            var xi = source[i] - _sourceMean[i];
            var row = _weights.AsSpan(i * TargetDimensions, TargetDimensions);
            for (var j = 0; j < destination.Length; j++)
            {
                destination[j] += xi * row[j];
            }
        }
    }

    /// <summary>
    /// W = (XᵀX + λI)⁻¹ XᵀY: by a Cholesky factorization while the regularized Gram matrix is positive definite (always,
    /// with a ridge), else through its eigendecomposition, leaving out the directions with no variance.
    /// </summary>
    private static float[] Solve(double[] gram, double[] cross, int d, int k, double trace)
    {
        // Directions with no variance (and no ridge) carry no information: leave them out rather than divide by ~0.
        var floor = 1e-12 * Math.Max(trace, double.Epsilon);
        return SolveByCholesky(gram, cross, d, k, floor) ?? SolveByEigen(gram, cross, d, k, floor);
    }

    /// <summary>
    /// G = L Lᵀ, then L Z = XᵀY and Lᵀ W = Z; null when a pivot is not above <paramref name="floor"/> (G is singular).
    /// A 512-dimensional fit takes a fraction of a second where the eigendecomposition's rotations took seconds. Sums
    /// run in index order and rows update with one fused multiply-add per value (TensorPrimitives fuses on every path),
    /// so the result is the same on every machine.
    /// </summary>
    private static float[]? SolveByCholesky(double[] gram, double[] cross, int d, int k, double floor)
    {
        var l = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            var rowJ = l.AsSpan(j * d, j);
            var pivot = gram[(j * d) + j] - Dot(rowJ, rowJ);
            if (!(pivot > floor))
            {
                return null;
            }

            l[(j * d) + j] = Math.Sqrt(pivot);
            for (var i = j + 1; i < d; i++)
            {
                l[(i * d) + j] = (gram[(i * d) + j] - Dot(l.AsSpan(i * d, j), rowJ)) / l[(j * d) + j];
            }
        }

        var w = (double[])cross.Clone();
        for (var i = 0; i < d; i++)
        {
            var row = w.AsSpan(i * k, k);
            for (var j = 0; j < i; j++)
            {
                TensorPrimitives.FusedMultiplyAdd(w.AsSpan(j * k, k), -l[(i * d) + j], row, row);
            }

            TensorPrimitives.Multiply(row, 1 / l[(i * d) + i], row);
        }

        for (var i = d - 1; i >= 0; i--)
        {
            var row = w.AsSpan(i * k, k);
            for (var j = i + 1; j < d; j++)
            {
                TensorPrimitives.FusedMultiplyAdd(w.AsSpan(j * k, k), -l[(j * d) + i], row, row);
            }

            TensorPrimitives.Multiply(row, 1 / l[(i * d) + i], row);
        }

        return [.. w.Select(value => (float)value)];
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>W through the eigendecomposition of G, for a G with directions of no variance (no ridge).</summary>
    private static float[] SolveByEigen(double[] gram, double[] cross, int d, int k, double floor)
    {
        var (values, vectors) = SymmetricEigen.Decompose(gram, d);
        var projected = new double[d * k];
        for (var e = 0; e < d; e++)
        {
            if (values[e] <= floor)
            {
                continue;
            }

            var row = projected.AsSpan(e * k, k);
            for (var i = 0; i < d; i++)
            {
                var v = vectors[(e * d) + i];
                if (v == 0)
                {
                    continue;
                }

                var crossRow = cross.AsSpan(i * k, k);
                for (var j = 0; j < k; j++)
                {
                    row[j] += v * crossRow[j];
                }
            }

            var inverse = 1 / values[e];
            for (var j = 0; j < k; j++)
            {
                row[j] *= inverse;
            }
        }

        var weights = new float[d * k];
        var sum = new double[k];
        for (var i = 0; i < d; i++)
        {
            Array.Clear(sum);
            for (var e = 0; e < d; e++)
            {
                var v = vectors[(e * d) + i];
                if (v == 0 || values[e] <= floor)
                {
                    continue;
                }

                var row = projected.AsSpan(e * k, k);
                for (var j = 0; j < k; j++)
                {
                    sum[j] += v * row[j];
                }
            }

            for (var j = 0; j < k; j++)
            {
                weights[(i * k) + j] = (float)sum[j];
            }
        }

        return weights;
    }

    private static int Dimension(IReadOnlyList<ReadOnlyMemory<float>> vectors, string name)
    {
        var dimension = vectors[0].Length;
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimension || dimension == 0)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} dimensions, vector 0 has {dimension}; every vector of a side must have the same, non-zero, dimension.", name);
            }
        }

        return dimension;
    }

    private static float[] Mean(IReadOnlyList<ReadOnlyMemory<float>> vectors, int dimension)
    {
        var sum = new double[dimension];
        foreach (var vector in vectors)
        {
            var span = vector.Span;
            for (var i = 0; i < dimension; i++)
            {
                sum[i] += span[i];
            }
        }

        return [.. sum.Select(s => (float)(s / vectors.Count))];
    }

    private static void Center(ReadOnlySpan<float> vector, float[] mean, double[] destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = vector[i] - mean[i];
        }
    }
}
