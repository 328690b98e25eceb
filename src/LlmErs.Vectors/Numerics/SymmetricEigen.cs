using System.Numerics;

namespace LlmErs.Vectors;

/// <summary>
/// Eigenvalues and eigenvectors of a symmetric matrix by the cyclic Jacobi method: slower than QR-based solvers but
/// short, accurate, and sequential, so the result is the same on every machine.
/// </summary>
public static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Decomposes the symmetric matrix <paramref name="matrix"/>, working in place.</summary>
    /// <param name="matrix">
    /// The <paramref name="size"/> × <paramref name="size"/> matrix, row-major; only a symmetric matrix gives a meaningful
    /// result. It is overwritten (it is the method's workspace, which spares a copy of a large matrix): pass a copy to keep it.
    /// </param>
    /// <param name="size">The number of rows and columns.</param>
    /// <returns>
    /// Eigenvalues, largest first, and the matching unit eigenvectors as the rows of a row-major
    /// <paramref name="size"/> × <paramref name="size"/> matrix, each signed so its largest-magnitude entry is positive.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="matrix"/> does not hold <paramref name="size"/>² values.</exception>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int size)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (matrix.Length != (long)size * size)
        {
            throw new ArgumentException($"A {size} × {size} matrix holds {(long)size * size} values; got {matrix.Length}. Pass the matrix row-major with its row count as size.", nameof(matrix));
        }

        var a = matrix;

        // The rotations' product, transposed: column k of V is row k here, so a rotation updates two contiguous rows.
        var vt = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            vt[(i * size) + i] = 1;
        }

        for (var sweep = 0; sweep < MaxSweeps && OffDiagonalNorm(a, size) > 1e-22 * DiagonalNorm(a, size); sweep++)
        {
            for (var p = 0; p < size - 1; p++)
            {
                for (var q = p + 1; q < size; q++)
                {
                    Rotate(a, vt, size, p, q);
                }
            }
        }

        var order = Enumerable.Range(0, size).OrderByDescending(i => a[(i * size) + i]).ThenBy(i => i).ToArray();
        var values = new double[size];
        var vectors = new double[size * size];
        for (var rank = 0; rank < size; rank++)
        {
            var column = order[rank];
            values[rank] = a[(column * size) + column];
            var largest = 0;
            for (var i = 0; i < size; i++)
            {
                vectors[(rank * size) + i] = vt[(column * size) + i];
                if (Math.Abs(vectors[(rank * size) + i]) > Math.Abs(vectors[(rank * size) + largest]))
                {
                    largest = i;
                }
            }

            if (vectors[(rank * size) + largest] < 0)
            {
                for (var i = 0; i < size; i++)
                {
                    vectors[(rank * size) + i] = -vectors[(rank * size) + i];
                }
            }
        }

        return (values, vectors);
    }

    /// <summary>Zeroes a[p, q] with a plane rotation applied on both sides, accumulating it into the eigenvectors.</summary>
    /// <summary>One Jacobi rotation in the (p, q) plane: A ← Jᵀ(AJ), V ← VJ, with V stored transposed.</summary>
    private static void Rotate(double[] a, double[] vt, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        // The numerically stable form of the rotation angle (Numerical Recipes §11.1).
        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        var c = 1 / Math.Sqrt((t * t) + 1);
        var s = t * c;

        // Columns p and q lie across the rows; rounding leaves A a hair short of symmetric, so they are computed, not copied.
        for (var k = 0; k < n; k++)
        {
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        RotateRows(a.AsSpan(p * n, n), a.AsSpan(q * n, n), c, s);
        RotateRows(vt.AsSpan(p * n, n), vt.AsSpan(q * n, n), c, s);
    }

    /// <summary>(x, y) ← (c x − s y, s x + c y), each value with separate multiplies and adds, as the scalar form rounds them.</summary>
    private static void RotateRows(Span<double> x, Span<double> y, double c, double s)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (vc, vs) = (new Vector<double>(c), new Vector<double>(s));
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var (xk, yk) = (new Vector<double>(x[k..]), new Vector<double>(y[k..]));
                ((vc * xk) - (vs * yk)).CopyTo(x[k..]);
                ((vs * xk) + (vc * yk)).CopyTo(y[k..]);
            }
        }

        for (; k < x.Length; k++)
        {
            var (xk, yk) = (x[k], y[k]);
            x[k] = (c * xk) - (s * yk);
            y[k] = (s * xk) + (c * yk);
        }
    }

    private static double OffDiagonalNorm(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sum += i == j ? 0 : a[(i * n) + j] * a[(i * n) + j];
            }
        }

        return sum;
    }

    private static double DiagonalNorm(double[] a, int n)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += a[(i * n) + i] * a[(i * n) + i];
        }

        return sum;
    }
}
