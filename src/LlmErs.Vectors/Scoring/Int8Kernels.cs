using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LlmErs.Vectors;

/// <summary>
/// Integer dot products of an int8 query against unsigned 8-bit rows: <c>Σ row[i] · query[i]</c>, exact in 32 bits
/// (up to 66,000 dimensions), four rows per pass.
/// </summary>
/// <remarks>
/// With AVX-VNNI one instruction multiplies 32 byte pairs and adds them in groups of four into eight int32 lanes.
/// Without it, AVX2's <c>vpmaddubsw</c> would saturate on 255 × 127 pairs, so the rows are re-centred to signed
/// (<c>row − 128</c>) and the classic sign trick keeps every pair sum within int16; the 128 · Σ query taken off is
/// added back. Both paths and the scalar fallback return the same integers.
/// </remarks>
internal static unsafe class Int8Kernels
{
    // How far ahead of the rows being scored their successors are requested. A scan from memory otherwise waits on
    // each line the hardware prefetcher has not fetched yet: prefetching 8 KiB ahead (a few blocks of four 384-byte
    // rows) took one core's 1,000,000-row scan from 0.31–0.32 to 0.25–0.27 of a read pass's time; 4 and 16 KiB did less.
    // A prefetch past the end of the rows is harmless: it never faults.
    private const int PrefetchDistance = 8192;

    /// <summary>Writes <c>Σ row[i] · query[i]</c> for each of <paramref name="count"/> rows to <paramref name="dots"/>.</summary>
    public static void Score(byte* rows, int count, int dimension, sbyte* query, int* dots)
    {
        if (AvxVnni.IsSupported && dimension >= Vector256<byte>.Count)
        {
            ScoreVnni(rows, count, dimension, query, dots);
        }
        else if (Avx2.IsSupported && dimension >= Vector256<byte>.Count)
        {
            ScoreAvx2(rows, count, dimension, query, dots);
        }
        else
        {
            for (var r = 0; r < count; r++)
            {
                dots[r] = AddTail(rows + ((long)r * dimension), query, 0, dimension, 0);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddTail(byte* row, sbyte* query, int start, int dimension, int sum)
    {
        for (var i = start; i < dimension; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreVnni(byte* rows, int count, int dimension, sbyte* query, int* dots)
    {
        var r = 0;
        for (; r <= count - 4; r += 4)
        {
            var row0 = rows + ((long)r * dimension);
            var row1 = row0 + dimension;
            var row2 = row1 + dimension;
            var row3 = row2 + dimension;
            Vector256<int> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            var i = 0;
            for (; i <= dimension - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                // The four rows are contiguous: two lines per step cover the 4 × 32 bytes it consumes.
                Sse.Prefetch0(row0 + PrefetchDistance + (4 * i));
                Sse.Prefetch0(row0 + PrefetchDistance + (4 * i) + 64);
                var q = Vector256.Load(query + i);
                acc0 = AvxVnni.MultiplyWideningAndAdd(acc0, Vector256.Load(row0 + i), q);
                acc1 = AvxVnni.MultiplyWideningAndAdd(acc1, Vector256.Load(row1 + i), q);
                acc2 = AvxVnni.MultiplyWideningAndAdd(acc2, Vector256.Load(row2 + i), q);
                acc3 = AvxVnni.MultiplyWideningAndAdd(acc3, Vector256.Load(row3 + i), q);
            }

            // Three horizontal adds leave row j's total in lane j of each half; integer sums are exact in any order.
            var pairs = Avx2.HorizontalAdd(Avx2.HorizontalAdd(acc0, acc1), Avx2.HorizontalAdd(acc2, acc3));
            var sums = pairs.GetLower() + pairs.GetUpper();
            if (i == dimension)
            {
                sums.Store(dots + r);
                continue;
            }

            dots[r] = AddTail(row0, query, i, dimension, sums.GetElement(0));
            dots[r + 1] = AddTail(row1, query, i, dimension, sums.GetElement(1));
            dots[r + 2] = AddTail(row2, query, i, dimension, sums.GetElement(2));
            dots[r + 3] = AddTail(row3, query, i, dimension, sums.GetElement(3));
        }

        for (; r < count; r++)
        {
            var row = rows + ((long)r * dimension);
            var acc = Vector256<int>.Zero;
            var i = 0;
            for (; i <= dimension - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                acc = AvxVnni.MultiplyWideningAndAdd(acc, Vector256.Load(row + i), Vector256.Load(query + i));
            }

            dots[r] = AddTail(row, query, i, dimension, Vector256.Sum(acc));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreAvx2(byte* rows, int count, int dimension, sbyte* query, int* dots)
    {
        var vectorEnd = dimension - (dimension % Vector256<byte>.Count);
        var correction = 128 * SumPrefix(query, vectorEnd);
        for (var r = 0; r < count; r++)
        {
            var row = rows + ((long)r * dimension);
            var acc = Vector256<int>.Zero;
            for (var i = 0; i < vectorEnd; i += Vector256<byte>.Count)
            {
                acc = Avx2.Add(acc, SignedDot(Vector256.Load(row + i), Vector256.Load(query + i)));
            }

            dots[r] = AddTail(row, query, vectorEnd, dimension, Vector256.Sum(acc) + correction);
        }
    }

    /// <summary>Σ (row − 128) · query in eight int32 lanes, without int16 saturation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> SignedDot(Vector256<byte> row, Vector256<sbyte> query)
    {
        var centred = (row ^ Vector256.Create((byte)0x80)).AsSByte();
        var magnitude = Avx2.Abs(centred);
        var signedQuery = Avx2.Sign(query, centred);
        var pairs = Avx2.MultiplyAddAdjacent(magnitude, signedQuery);
        return Avx2.MultiplyAddAdjacent(pairs, Vector256<short>.One);
    }

    private static int SumPrefix(sbyte* query, int length)
    {
        var sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += query[i];
        }

        return sum;
    }
}
