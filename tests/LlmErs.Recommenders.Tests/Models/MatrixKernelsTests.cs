using LlmErs.Recommenders;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class MatrixKernelsTests
{
    /// <summary>
    /// Every element is its initial value followed by fused multiply-adds in inner-index order, whichever path computes
    /// it (four rows by four vectors, four rows by one vector, a leftover row by one vector, the scalar tail): training's bit-for-bit repeatability
    /// rests on it.
    /// </summary>
    [Theory]
    [InlineData(9, 37, 64, 1)]
    [InlineData(7, 50, 83, 1)]
    [InlineData(6, 41, 131, 0)]
    public void EveryPathGivesTheSequentialFusedSum_BitForBit(int rows, int inner, int columns, int transposed)
    {
        var random = new Random(rows * 1_000 + columns);
        var a = Values(random, rows * inner);
        var b = Values(random, inner * columns);
        var output = Values(random, rows * columns);
        var (rowStride, columnStride) = transposed == 1 ? (1, rows) : (inner, 1);
        var expected = (float[])output.Clone();
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < columns; c++)
            {
                for (var j = 0; j < inner; j++)
                {
                    expected[(i * columns) + c] = MathF.FusedMultiplyAdd(a[(i * rowStride) + (j * columnStride)], b[(j * columns) + c], expected[(i * columns) + c]);
                }
            }
        }

        MatrixKernels.MultiplyAdd(a, rowStride, columnStride, rows, inner, b, columns, output);

        Assert.Equal(expected, output);
    }

    private static float[] Values(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
}
