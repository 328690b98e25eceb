using Xunit;

namespace LlmErs.Vectors.Tests.Numerics;

public sealed class PcaProjectionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fit_SumsTheCovarianceAsTheScalarLoopDoes_BitForBit(int threads)
    {
        // 19 dimensions: covariance blocks and vectors that do not divide them, so every remainder path runs.
        const int Count = 50;
        const int Dimension = 19;
        var random = new Random(3);
        var values = new float[Count * Dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2) - 1;
        }

        var pca = PcaProjection.Fit(VectorMatrix.Create(values, Dimension), 5, new ParallelOptions { MaxDegreeOfParallelism = threads });

        var (mean, components) = ScalarFit(values, Count, Dimension, 5);
        Assert.Equal(mean, pca.Mean);
        Assert.Equal(components, pca.Components);
    }

    /// <summary>The fit with every covariance value a scalar fused multiply-add per item, in item order.</summary>
    private static (float[] Mean, float[] Components) ScalarFit(float[] values, int count, int dimension, int output)
    {
        var mean = new double[dimension];
        for (var row = 0; row < count; row++)
        {
            for (var d = 0; d < dimension; d++)
            {
                mean[d] += values[(row * dimension) + d];
            }
        }

        for (var d = 0; d < dimension; d++)
        {
            mean[d] /= count;
        }

        var covariance = new double[dimension * dimension];
        for (var i = 0; i < dimension; i++)
        {
            for (var row = 0; row < count; row++)
            {
                var centred = values[(row * dimension) + i] - mean[i];
                for (var j = 0; j < dimension; j++)
                {
                    covariance[(i * dimension) + j] = Math.FusedMultiplyAdd(centred, values[(row * dimension) + j] - mean[j], covariance[(i * dimension) + j]);
                }
            }
        }

        var (_, vectors) = SymmetricEigen.Decompose(covariance, dimension);
        return (Array.ConvertAll(mean, m => (float)m), Array.ConvertAll(vectors[..(output * dimension)], v => (float)v));
    }
}
