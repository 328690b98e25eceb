using System.Numerics;
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
            OneRow(a + ((long)i * aRowStride), aColumnStride, inner, b, columns, output + ((long)i * columns));
        }
    }

    /// <summary>
    /// A row left over from the blocks of four (a thread's share of rows need not be a multiple of four), still on
    /// vectors: on the scalar path such a row cost several times the blocked rows around it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneRow(float* a, int aColumnStride, int inner, float* b, int columns, float* output)
    {
        var c = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; c <= columns - Vector<float>.Count; c += Vector<float>.Count)
            {
                var sum = Vector.Load(output + c);
                for (long j = 0, offset = 0; j < inner; j++, offset += aColumnStride)
                {
                    sum = Vector.FusedMultiplyAdd(new Vector<float>(a[offset]), Vector.Load(b + (j * columns) + c), sum);
                }

                sum.Store(output + c);
            }
        }

        for (; c < columns; c++)
        {
            output[c] = Column(a, aColumnStride, inner, b + c, columns, output[c]);
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
            for (; c <= columns - (4 * Vector512<float>.Count); c += 4 * Vector512<float>.Count)
            {
                FourRowsFourVectors(a, a1, a2, a3, aColumnStride, inner, b + c, columns, output + c, o1 + c, o2 + c, o3 + c);
            }

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

    /// <summary>
    /// Four rows by four vectors of columns: sixteen accumulators share each broadcast of <c>a</c> and each load of
    /// <c>b</c>, so the loop is bound by multiply-adds rather than loads. Each element gets the same multiply-adds in
    /// the same order as on the one-vector path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRowsFourVectors(
        float* a0, float* a1, float* a2, float* a3, int aColumnStride, int inner, float* b, int columns, float* o0, float* o1, float* o2, float* o3)
    {
        const int W = 16;
        var (s00, s01, s02, s03) = (Vector512.Load(o0), Vector512.Load(o0 + W), Vector512.Load(o0 + (2 * W)), Vector512.Load(o0 + (3 * W)));
        var (s10, s11, s12, s13) = (Vector512.Load(o1), Vector512.Load(o1 + W), Vector512.Load(o1 + (2 * W)), Vector512.Load(o1 + (3 * W)));
        var (s20, s21, s22, s23) = (Vector512.Load(o2), Vector512.Load(o2 + W), Vector512.Load(o2 + (2 * W)), Vector512.Load(o2 + (3 * W)));
        var (s30, s31, s32, s33) = (Vector512.Load(o3), Vector512.Load(o3 + W), Vector512.Load(o3 + (2 * W)), Vector512.Load(o3 + (3 * W)));
        for (long j = 0, offset = 0; j < inner; j++, offset += aColumnStride)
        {
            var row = b + (j * columns);
            var (b0, b1, b2, b3) = (Vector512.Load(row), Vector512.Load(row + W), Vector512.Load(row + (2 * W)), Vector512.Load(row + (3 * W)));
            var x = Vector512.Create(a0[offset]);
            s00 = Vector512.FusedMultiplyAdd(x, b0, s00);
            s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, b2, s02);
            s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
            x = Vector512.Create(a1[offset]);
            s10 = Vector512.FusedMultiplyAdd(x, b0, s10);
            s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, b2, s12);
            s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
            x = Vector512.Create(a2[offset]);
            s20 = Vector512.FusedMultiplyAdd(x, b0, s20);
            s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, b2, s22);
            s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
            x = Vector512.Create(a3[offset]);
            s30 = Vector512.FusedMultiplyAdd(x, b0, s30);
            s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, b2, s32);
            s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
        }

        s00.Store(o0);
        s01.Store(o0 + W);
        s02.Store(o0 + (2 * W));
        s03.Store(o0 + (3 * W));
        s10.Store(o1);
        s11.Store(o1 + W);
        s12.Store(o1 + (2 * W));
        s13.Store(o1 + (3 * W));
        s20.Store(o2);
        s21.Store(o2 + W);
        s22.Store(o2 + (2 * W));
        s23.Store(o2 + (3 * W));
        s30.Store(o3);
        s31.Store(o3 + W);
        s32.Store(o3 + (2 * W));
        s33.Store(o3 + (3 * W));
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
