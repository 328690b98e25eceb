using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmErs.Vectors;

/// <summary>
/// Dot products of several queries against a tile of rows, like a small matrix multiply: with Vector512, four queries
/// and four rows are multiplied per pass in sixteen accumulators, so each load feeds four fused multiply-adds.
/// </summary>
/// <remarks>
/// Each (query, row) pair is accumulated exactly as <see cref="DotKernels"/> does it, so batched scores are
/// bit-identical to single-query ones. Vector256 has too few registers for the 4×4 block, so there each query scans the
/// tile on its own; the caller keeps the tile small enough to stay in cache between queries.
/// </remarks>
internal static unsafe class BatchDotKernels
{
    /// <summary>Writes the score of query <c>q</c> against row <c>r</c> to <c>scores[q * rowCount + r]</c>.</summary>
    public static void Score(float* rows, int rowCount, float* queries, int queryCount, int dimension, float* scores)
    {
        var q = 0;
        if (Vector512.IsHardwareAccelerated && dimension >= Vector512<float>.Count)
        {
            for (; q <= queryCount - 4; q += 4)
            {
                ScoreFourQueries512(rows, rowCount, queries + ((long)q * dimension), dimension, scores + ((long)q * rowCount));
            }
        }

        for (; q < queryCount; q++)
        {
            DotKernels.Score(rows, rowCount, dimension, queries + ((long)q * dimension), scores + ((long)q * rowCount));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreFourQueries512(float* rows, int rowCount, float* queries, int dimension, float* scores)
    {
        var query0 = queries;
        var query1 = query0 + dimension;
        var query2 = query1 + dimension;
        var query3 = query2 + dimension;
        var r = 0;
        for (; r <= rowCount - 4; r += 4)
        {
            var row0 = rows + ((long)r * dimension);
            var row1 = row0 + dimension;
            var row2 = row1 + dimension;
            var row3 = row2 + dimension;
            Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
            var i = 0;
            for (; i <= dimension - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var x0 = Vector512.Load(row0 + i);
                var x1 = Vector512.Load(row1 + i);
                var x2 = Vector512.Load(row2 + i);
                var x3 = Vector512.Load(row3 + i);
                var q = Vector512.Load(query0 + i);
                a00 = Vector512.FusedMultiplyAdd(x0, q, a00);
                a01 = Vector512.FusedMultiplyAdd(x1, q, a01);
                a02 = Vector512.FusedMultiplyAdd(x2, q, a02);
                a03 = Vector512.FusedMultiplyAdd(x3, q, a03);
                q = Vector512.Load(query1 + i);
                a10 = Vector512.FusedMultiplyAdd(x0, q, a10);
                a11 = Vector512.FusedMultiplyAdd(x1, q, a11);
                a12 = Vector512.FusedMultiplyAdd(x2, q, a12);
                a13 = Vector512.FusedMultiplyAdd(x3, q, a13);
                q = Vector512.Load(query2 + i);
                a20 = Vector512.FusedMultiplyAdd(x0, q, a20);
                a21 = Vector512.FusedMultiplyAdd(x1, q, a21);
                a22 = Vector512.FusedMultiplyAdd(x2, q, a22);
                a23 = Vector512.FusedMultiplyAdd(x3, q, a23);
                q = Vector512.Load(query3 + i);
                a30 = Vector512.FusedMultiplyAdd(x0, q, a30);
                a31 = Vector512.FusedMultiplyAdd(x1, q, a31);
                a32 = Vector512.FusedMultiplyAdd(x2, q, a32);
                a33 = Vector512.FusedMultiplyAdd(x3, q, a33);
            }

            DotKernels.FinishFour(scores + r, row0, query0, i, dimension, HorizontalSum.Sum(a00, a01, a02, a03));
            DotKernels.FinishFour(scores + rowCount + r, row0, query1, i, dimension, HorizontalSum.Sum(a10, a11, a12, a13));
            DotKernels.FinishFour(scores + (2L * rowCount) + r, row0, query2, i, dimension, HorizontalSum.Sum(a20, a21, a22, a23));
            DotKernels.FinishFour(scores + (3L * rowCount) + r, row0, query3, i, dimension, HorizontalSum.Sum(a30, a31, a32, a33));
        }

        for (; r < rowCount; r++)
        {
            var row = rows + ((long)r * dimension);
            scores[r] = DotKernels.Dot(row, query0, dimension);
            scores[rowCount + r] = DotKernels.Dot(row, query1, dimension);
            scores[(2L * rowCount) + r] = DotKernels.Dot(row, query2, dimension);
            scores[(3L * rowCount) + r] = DotKernels.Dot(row, query3, dimension);
        }
    }
}
