using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmErs.Recommenders;

/// <summary>
/// The small matrix products of the two-tower model — features times the projection, and the projection's gradient
/// (features transposed times the output gradients) — as one register-blocked kernel: four output rows share each
/// load of a block of <c>b</c>, and accumulators stay in registers over the whole inner dimension.
/// </summary>
/// <remarks>
/// Every output element is its initial value followed by fused multiply-adds in inner-index order, on the Vector512,
/// Vector256 and scalar paths alike, so the result does not depend on the vector width, on how rows are blocked, or
/// on how callers split rows between threads.
/// </remarks>
internal static unsafe class MatrixKernels
{
    /// <summary>The span form of the pointer overload, for callers that index into arrays.</summary>
    public static void MultiplyAdd(
        ReadOnlySpan<float> a, int aRowStride, int aColumnStride, int rows, int inner, ReadOnlySpan<float> b, int columns, Span<float> output)
    {
        if (rows == 0)
        {
            return;
        }

        // The last element each operand is read at; checked once here so the loops can run on raw pointers.
        var lastA = ((long)(rows - 1) * aRowStride) + ((long)(inner - 1) * aColumnStride);
        if ((inner > 0 && (lastA >= a.Length || (long)inner * columns > b.Length)) || (long)rows * columns > output.Length)
        {
            throw new ArgumentException("An operand is smaller than the shapes say.");
        }

        fixed (float* aPointer = a)
        fixed (float* bPointer = b)
        fixed (float* outputPointer = output)
        {
            MultiplyAdd(aPointer, aRowStride, aColumnStride, rows, inner, bPointer, columns, outputPointer);
        }
    }

    /// <summary>
    /// <c>output[i, c] += Σ_j a(i, j) · b[j, c]</c> for i &lt; <paramref name="rows"/>, with
    /// <c>a(i, j) = a[i · aRowStride + j · aColumnStride]</c> (so <c>a</c> may be read transposed), <c>b</c> row-major
    /// <paramref name="inner"/> × <paramref name="columns"/>, and <c>output</c> row-major <paramref name="rows"/> × <paramref name="columns"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(float* a, int aRowStride, int aColumnStride, int rows, int inner, float* b, int columns, float* output)
    {
        var i = 0;
        for (; i <= rows - 4; i += 4)
        {
            FourRows(a + ((long)i * aRowStride), aRowStride, aColumnStride, inner, b, columns, output + ((long)i * columns));
        }

        for (; i < rows; i++)
        {
            var row = a + ((long)i * aRowStride);
            var target = output + ((long)i * columns);
            for (var c = 0; c < columns; c++)
            {
                target[c] = Column(row, aColumnStride, inner, b + c, columns, target[c]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows(float* a, int aRowStride, int aColumnStride, int inner, float* b, int columns, float* output)
    {
        var a1 = a + aRowStride;
        var a2 = a + (2L * aRowStride);
        var a3 = a + (3L * aRowStride);
        var o1 = output + columns;
        var o2 = output + (2L * columns);
        var o3 = output + (3L * columns);
        var c = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; c <= columns - Vector512<float>.Count; c += Vector512<float>.Count)
            {
                var (s0, s1, s2, s3) = (Vector512.Load(output + c), Vector512.Load(o1 + c), Vector512.Load(o2 + c), Vector512.Load(o3 + c));
                for (long j = 0, offset = 0; j < inner; j++, offset += aColumnStride)
                {
                    var block = Vector512.Load(b + (j * columns) + c);
                    s0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[offset]), block, s0);
                    s1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[offset]), block, s1);
                    s2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[offset]), block, s2);
                    s3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[offset]), block, s3);
                }

                s0.Store(output + c);
                s1.Store(o1 + c);
                s2.Store(o2 + c);
                s3.Store(o3 + c);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; c <= columns - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                var (s0, s1, s2, s3) = (Vector256.Load(output + c), Vector256.Load(o1 + c), Vector256.Load(o2 + c), Vector256.Load(o3 + c));
                for (long j = 0, offset = 0; j < inner; j++, offset += aColumnStride)
                {
                    var block = Vector256.Load(b + (j * columns) + c);
                    s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a[offset]), block, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[offset]), block, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[offset]), block, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[offset]), block, s3);
                }

                s0.Store(output + c);
                s1.Store(o1 + c);
                s2.Store(o2 + c);
                s3.Store(o3 + c);
            }
        }

        for (; c < columns; c++)
        {
            output[c] = Column(a, aColumnStride, inner, b + c, columns, output[c]);
            o1[c] = Column(a1, aColumnStride, inner, b + c, columns, o1[c]);
            o2[c] = Column(a2, aColumnStride, inner, b + c, columns, o2[c]);
            o3[c] = Column(a3, aColumnStride, inner, b + c, columns, o3[c]);
        }
    }

    /// <summary>One output element: <paramref name="sum"/> + Σ_j a(j) · b[j, c], with <paramref name="b"/> at column c.</summary>
    private static float Column(float* a, int aColumnStride, int inner, float* b, int columns, float sum)
    {
        for (long j = 0; j < inner; j++)
        {
            sum = MathF.FusedMultiplyAdd(a[j * aColumnStride], b[j * columns], sum);
        }

        return sum;
    }
}
