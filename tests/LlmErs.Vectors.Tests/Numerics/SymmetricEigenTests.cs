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
    public void Decompose_RotatesAsTheTextbookLoopsDo_BitForBit()
    {
        // 37: rows that are not a whole number of vectors, so both the vector and the scalar paths run.
        var matrix = RandomSymmetric(37, seed: 7);
        var expected = TextbookJacobi(matrix.ToArray(), 37);

        var (values, vectors) = SymmetricEigen.Decompose(matrix, 37);

        Assert.Equal(expected.Values, values);
        Assert.Equal(expected.Vectors, vectors);
    }

    [Fact]
    public void Decompose_OfAMatrixOfTheWrongLength_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => SymmetricEigen.Decompose(new double[8], 3));

        Assert.Equal("matrix", exception.ParamName);
    }

    private static double[] RandomSymmetric(int size, int seed)
    {
        var random = new Random(seed);
        var matrix = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                matrix[(i * size) + j] = matrix[(j * size) + i] = random.NextDouble() - 0.5;
            }
        }

        return matrix;
    }

    /// <summary>Cyclic Jacobi as Numerical Recipes writes it, every rotation a loop over a column, a row and a column of V.</summary>
    private static (double[] Values, double[] Vectors) TextbookJacobi(double[] a, int n)
    {
        var v = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var (off, diagonal) = (0.0, 0.0);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    off += i == j ? 0 : a[(i * n) + j] * a[(i * n) + j];
                }

                diagonal += a[(i * n) + i] * a[(i * n) + i];
            }

            if (off <= 1e-22 * diagonal)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        (a[(k * n) + p], a[(k * n) + q]) = ((c * a[(k * n) + p]) - (s * a[(k * n) + q]), (s * a[(k * n) + p]) + (c * a[(k * n) + q]));
                    }

                    for (var k = 0; k < n; k++)
                    {
                        (a[(p * n) + k], a[(q * n) + k]) = ((c * a[(p * n) + k]) - (s * a[(q * n) + k]), (s * a[(p * n) + k]) + (c * a[(q * n) + k]));
                    }

                    for (var k = 0; k < n; k++)
                    {
                        (v[(k * n) + p], v[(k * n) + q]) = ((c * v[(k * n) + p]) - (s * v[(k * n) + q]), (s * v[(k * n) + p]) + (c * v[(k * n) + q]));
                    }
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i]).ThenBy(i => i).ToArray();
        var values = order.Select(i => a[(i * n) + i]).ToArray();
        var vectors = new double[n * n];
        for (var rank = 0; rank < n; rank++)
        {
            var column = Enumerable.Range(0, n).Select(i => v[(i * n) + order[rank]]).ToArray();
            var sign = column.MaxBy(Math.Abs) < 0 ? -1 : 1;
            for (var i = 0; i < n; i++)
            {
                vectors[(rank * n) + i] = sign * column[i];
            }
        }

        return (values, vectors);
    }
}
