using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Vectors;

public sealed class QuantizedVectorsTests
{
    [Theory]
    [InlineData(QuantizationScale.PerDimension, 8)]
    [InlineData(QuantizationScale.PerRow, 8)]
    [InlineData(QuantizationScale.PerDimension, 4)]
    [InlineData(QuantizationScale.PerRow, 4)]
    public void Decode_IsWithinHalfAStepOfEachValue(QuantizationScale scale, int bits)
    {
        // 97 values: at 4 bits a whole 64-value block, then a padded one; a misplaced nibble would show up here.
        const int Count = 200, Dimension = 97;
        var values = RandomVectors.Uniform(Count, Dimension, seed: 5);
        using var matrix = VectorMatrix.Create(values, Dimension);
        using var quantized = QuantizedVectors.Create(matrix, scale, bits);
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

        // Values span about [-1, 1]: per dimension that is 2/255 per step (2/15 at 4 bits), per row 1/127 (1/7).
        var levels = (1 << bits) - 1;
        var halfStep = scale == QuantizationScale.PerDimension ? 1f / levels : 0.5f / (levels / 2);
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

    [Fact]
    public void BitsOtherThan8Or4_AreRefused()
    {
        using var matrix = VectorMatrix.Create([1f, 2f], dimension: 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => QuantizedVectors.Create(matrix, QuantizationScale.PerDimension, bitsPerValue: 2));

        Assert.Contains("8 or 4", error.Message);
    }
}
