using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Vectors;

public sealed class QuantizedVectorsTests
{
    [Theory]
    [InlineData(QuantizationScale.PerDimension)]
    [InlineData(QuantizationScale.PerRow)]
    public void Decode_IsWithinHalfAStepOfEachValue(QuantizationScale scale)
    {
        const int Count = 200, Dimension = 33;
        var values = RandomVectors.Uniform(Count, Dimension, seed: 5);
        using var matrix = VectorMatrix.Create(values, Dimension);
        using var quantized = QuantizedVectors.Create(matrix, scale);
        var decoded = new float[Dimension];

        var worst = 0f;
        for (var row = 0; row < Count; row++)
        {
            quantized.Decode(row, decoded);
            for (var d = 0; d < Dimension; d++)
            {
                worst = MathF.Max(worst, MathF.Abs(decoded[d] - values[(row * Dimension) + d]));
            }
        }

        // Values span about [-1, 1]: per dimension that is 2/255 per step, per row 1/127.
        var halfStep = scale == QuantizationScale.PerDimension ? 1f / 255 : 0.5f / 127;
        Assert.InRange(worst, 0f, halfStep * 1.01f);
    }

    [Fact]
    public void ConstantDimension_DecodesExactly()
    {
        using var matrix = VectorMatrix.Create([0.5f, 1f, 0.5f, -1f], dimension: 2);
        using var quantized = QuantizedVectors.Create(matrix);
        var decoded = new float[2];

        quantized.Decode(1, decoded);

        Assert.Equal([0.5f, -1f], decoded);
    }

    [Fact]
    public void EmptyMatrix_Quantizes()
    {
        using var matrix = VectorMatrix.Create([], dimension: 4);
        using var quantized = QuantizedVectors.Create(matrix);

        Assert.Equal(0, quantized.Count);
    }
}
