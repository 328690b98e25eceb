using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>
/// A principal-component projection: <c>y = components · (x − mean)</c>, keeping the directions of largest variance so
/// that quantization spends its codes where the items differ.
/// </summary>
internal sealed class PcaProjection
{
    // Covariance rows a thread fills together, centring each item once for all of them.
    private const int CovarianceRowsPerBlock = 8;

    public PcaProjection(float[] mean, float[] components, int inputDimension)
    {
        Mean = mean;
        Components = components;
        InputDimension = inputDimension;
    }

    /// <summary>The mean of the training vectors.</summary>
    public float[] Mean { get; }

    /// <summary>The principal directions, unit rows, strongest first.</summary>
    public float[] Components { get; }

    public int InputDimension { get; }

    public int OutputDimension => Components.Length / InputDimension;

    /// <summary>Fits <paramref name="outputDimension"/> components to the rows of <paramref name="vectors"/>.</summary>
    public static PcaProjection Fit(VectorMatrix vectors, int outputDimension, ParallelOptions parallel)
    {
        var (count, dimension) = (vectors.Count, vectors.Dimension);
        var mean = new double[dimension];
        for (var row = 0; row < count; row++)
        {
            var values = vectors.GetRow(row);
            for (var d = 0; d < dimension; d++)
            {
                mean[d] += values[d];
            }
        }

        for (var d = 0; d < dimension; d++)
        {
            mean[d] /= Math.Max(count, 1);
        }

        // Each thread owns a few rows of the covariance and sums over items in item order, one fused multiply-add per
        // value and item (TensorPrimitives fuses on every path): the same bits on any thread count and vector width.
        var covariance = new double[dimension * dimension];
        var blocks = (dimension + CovarianceRowsPerBlock - 1) / CovarianceRowsPerBlock;
        Parallel.For(0, blocks, parallel, block =>
        {
            var (first, end) = (block * CovarianceRowsPerBlock, Math.Min(dimension, (block + 1) * CovarianceRowsPerBlock));
            var centred = new double[dimension];
            for (var row = 0; row < count; row++)
            {
                var values = vectors.GetRow(row);
                for (var d = 0; d < dimension; d++)
                {
                    centred[d] = values[d] - mean[d];
                }

                for (var i = first; i < end; i++)
                {
                    var target = covariance.AsSpan(i * dimension, dimension);
                    TensorPrimitives.FusedMultiplyAdd(centred, centred[i], target, target);
                }
            }
        });

        var (_, eigenvectors) = SymmetricEigen.Decompose(covariance, dimension);
        return new PcaProjection(
            Array.ConvertAll(mean, value => (float)value),
            Array.ConvertAll(eigenvectors[..(outputDimension * dimension)], value => (float)value),
            dimension);
    }

    /// <summary>Projects <paramref name="vector"/> into <paramref name="destination"/>.</summary>
    public void Project(ReadOnlySpan<float> vector, Span<float> destination)
    {
        Span<float> centred = InputDimension <= 1024 ? stackalloc float[InputDimension] : new float[InputDimension];
        for (var d = 0; d < InputDimension; d++)
        {
            centred[d] = vector[d] - Mean[d];
        }

        for (var c = 0; c < OutputDimension; c++)
        {
            destination[c] = DeterministicMath.Dot(Components.AsSpan(c * InputDimension, InputDimension), centred);
        }
    }

    /// <summary>Maps a projected vector back: <c>mean + componentsᵀ · y</c>.</summary>
    public void Reconstruct(ReadOnlySpan<float> projected, Span<float> destination)
    {
        Mean.CopyTo(destination);
        for (var c = 0; c < OutputDimension; c++)
        {
            var component = Components.AsSpan(c * InputDimension, InputDimension);
            for (var d = 0; d < InputDimension; d++)
            {
                destination[d] = MathF.FusedMultiplyAdd(projected[c], component[d], destination[d]);
            }
        }
    }
}
