using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmErs.Vectors;

/// <summary>
/// Dot products of one query against consecutive float32 rows. Four rows share each load of the query, so the loop
/// streams rows from memory at close to the read bandwidth.
/// </summary>
/// <remarks>
/// Every path computes a (query, row) pair the same way: one vector accumulator fed with fused multiply-adds in
/// element order, summed by <see cref="HorizontalSum"/>, then the leftover elements added with scalar fused multiply-adds. The
/// blocked loops, the single-row <see cref="Dot"/> and <see cref="BatchDotKernels"/> therefore give bit-identical
/// scores, and results do not depend on how rows are split between blocks or threads. The Vector512 and Vector256
/// loops are one algorithm at two widths, as in TensorPrimitives; the JIT keeps only the one the machine runs.
/// The loops are compiled fully optimized from the first call, so a server's first requests do not run unoptimized code.
/// </remarks>
internal static unsafe class DotKernels
{
    /// <summary>Writes the dot product of <paramref name="query"/> with each of <paramref name="count"/> rows to <paramref name="scores"/>.</summary>
    public static void Score(float* rows, int count, int dimension, float* query, float* scores)
    {
        if (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count)
        {
            Score512(rows, count, dimension, query, scores);
        }
        else if (Vector256.IsHardwareAccelerated && dimension >= Vector256<float>.Count)
        {
            Score256(rows, count, dimension, query, scores);
        }
        else
        {
            for (var r = 0; r < count; r++)
            {
                scores[r] = AddTail(rows + ((long)r * dimension), query, 0, dimension, 0f);
            }
        }
    }

    /// <summary>The dot product of one row with the query, computed exactly as <see cref="Score"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(float* row, float* query, int dimension)
    {
        if (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count)
        {
            var i = 0;
            var acc = Vector512<float>.Zero;
            for (; i <= dimension - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                acc = Vector512.FusedMultiplyAdd(Vector512.Load(row + i), Vector512.Load(query + i), acc);
            }

            return AddTail(row, query, i, dimension, HorizontalSum.Sum(acc));
        }

        if (Vector256.IsHardwareAccelerated && dimension >= Vector256<float>.Count)
        {
            var i = 0;
            var acc = Vector256<float>.Zero;
            for (; i <= dimension - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Load(row + i), Vector256.Load(query + i), acc);
            }

            return AddTail(row, query, i, dimension, HorizontalSum.Sum(acc));
        }

        return AddTail(row, query, 0, dimension, 0f);
    }

    /// <summary>Adds the products of elements [<paramref name="start"/>, <paramref name="dimension"/>) to <paramref name="sum"/>, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AddTail(float* row, float* query, int start, int dimension, float sum)
    {
        for (var i = start; i < dimension; i++)
        {
            sum = MathF.FusedMultiplyAdd(row[i], query[i], sum);
        }

        return sum;
    }

    /// <summary>Stores the sums of four consecutive rows, adding the elements the vector loop left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FinishFour(float* scores, float* row0, float* query, int start, int dimension, Vector128<float> sums)
    {
        if (start == dimension)
        {
            sums.Store(scores);
            return;
        }

        scores[0] = AddTail(row0, query, start, dimension, sums.GetElement(0));
        scores[1] = AddTail(row0 + dimension, query, start, dimension, sums.GetElement(1));
        scores[2] = AddTail(row0 + (2 * dimension), query, start, dimension, sums.GetElement(2));
        scores[3] = AddTail(row0 + (3 * dimension), query, start, dimension, sums.GetElement(3));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Score512(float* rows, int count, int dimension, float* query, float* scores)
    {
        var r = 0;
        for (; r <= count - 4; r += 4)
        {
            var row0 = rows + ((long)r * dimension);
            var row1 = row0 + dimension;
            var row2 = row1 + dimension;
            var row3 = row2 + dimension;
            Vector512<float> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            var i = 0;
            for (; i <= dimension - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var q = Vector512.Load(query + i);
                acc0 = Vector512.FusedMultiplyAdd(Vector512.Load(row0 + i), q, acc0);
                acc1 = Vector512.FusedMultiplyAdd(Vector512.Load(row1 + i), q, acc1);
                acc2 = Vector512.FusedMultiplyAdd(Vector512.Load(row2 + i), q, acc2);
                acc3 = Vector512.FusedMultiplyAdd(Vector512.Load(row3 + i), q, acc3);
            }

            FinishFour(scores + r, row0, query, i, dimension, HorizontalSum.Sum(acc0, acc1, acc2, acc3));
        }

        for (; r < count; r++)
        {
            scores[r] = Dot(rows + ((long)r * dimension), query, dimension);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Score256(float* rows, int count, int dimension, float* query, float* scores)
    {
        var r = 0;
        for (; r <= count - 4; r += 4)
        {
            var row0 = rows + ((long)r * dimension);
            var row1 = row0 + dimension;
            var row2 = row1 + dimension;
            var row3 = row2 + dimension;
            Vector256<float> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            var i = 0;
            for (; i <= dimension - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var q = Vector256.Load(query + i);
                acc0 = Vector256.FusedMultiplyAdd(Vector256.Load(row0 + i), q, acc0);
                acc1 = Vector256.FusedMultiplyAdd(Vector256.Load(row1 + i), q, acc1);
                acc2 = Vector256.FusedMultiplyAdd(Vector256.Load(row2 + i), q, acc2);
                acc3 = Vector256.FusedMultiplyAdd(Vector256.Load(row3 + i), q, acc3);
            }

            FinishFour(scores + r, row0, query, i, dimension, HorizontalSum.Sum(acc0, acc1, acc2, acc3));
        }

        for (; r < count; r++)
        {
            scores[r] = Dot(rows + ((long)r * dimension), query, dimension);
        }
    }
}
