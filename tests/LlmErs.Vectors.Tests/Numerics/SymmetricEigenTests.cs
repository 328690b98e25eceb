using Xunit;

namespace LlmErs.Vectors.Tests.Numerics;

/// <summary>The Jacobi eigendecomposition behind PCA and the linear alignment of embedding spaces.</summary>
public sealed class SymmetricEigenTests
{
    [Fact]
    public void Decompose_ReturnsUnitEigenvectorsLargestValueFirst()
    {
        double[] matrix = [4, 1, 0, 1, 3, 1, 0, 1, 2];
        var original = matrix.ToArray();

        var (values, vectors) = SymmetricEigen.Decompose(matrix, 3);

        Assert.True(values[0] >= values[1] && values[1] >= values[2]);
        Assert.Equal(original[0] + original[4] + original[8], values.Sum(), 10);
        for (var e = 0; e < 3; e++)
        {
            var v = vectors.AsSpan(e * 3, 3);
            Assert.Equal(1, (v[0] * v[0]) + (v[1] * v[1]) + (v[2] * v[2]), 10);
            Assert.True(v.ToArray().MaxBy(Math.Abs) > 0, "Each eigenvector is signed so its largest-magnitude entry is positive.");
            for (var i = 0; i < 3; i++)
            {
                var av = (original[i * 3] * v[0]) + (original[(i * 3) + 1] * v[1]) + (original[(i * 3) + 2] * v[2]);
                Assert.Equal(values[e] * v[i], av, 10);
            }
        }
    }

    [Fact]
    public void Decompose_OfAMatrixOfTheWrongLength_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[8], 3));

        Assert.Equal("matrix", exception.ParamName);
    }
}
