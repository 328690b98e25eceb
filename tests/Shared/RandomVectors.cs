using LlmErs.Vectors;

namespace LlmErs.Tests;

/// <summary>Seeded test data: uniform noise, and clustered unit vectors that look like text embeddings.</summary>
/// <remarks>Also compiled into the benchmark project, so tests and benchmarks measure the same kind of data.</remarks>
internal static class RandomVectors
{
    /// <summary>Values uniform in [-1, 1).</summary>
    public static float[] Uniform(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>
    /// Unit vectors scattered around <paramref name="clusters"/> random unit centres: each is a centre plus Gaussian
    /// noise of <paramref name="spread"/> per unit of norm, renormalized.
    /// </summary>
    public static float[] Clustered(int count, int dimension, int clusters, int seed, float spread = 0.6f)
    {
        var random = new Random(seed);
        var centres = new float[clusters * dimension];
        for (var c = 0; c < clusters; c++)
        {
            var centre = centres.AsSpan(c * dimension, dimension);
            FillGaussian(random, centre, 1f);
            VectorMath.Normalize(centre);
        }

        var values = new float[count * dimension];
        var noiseScale = spread / MathF.Sqrt(dimension);
        for (var i = 0; i < count; i++)
        {
            var row = values.AsSpan(i * dimension, dimension);
            FillGaussian(random, row, noiseScale);
            var centre = centres.AsSpan(random.Next(clusters) * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                row[d] += centre[d];
            }

            VectorMath.Normalize(row);
        }

        return values;
    }

    private static void FillGaussian(Random random, Span<float> values, float scale)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Box–Muller; 1 − u keeps the logarithm's argument above zero.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            values[i] = scale * (float)(Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v));
        }
    }
}
