using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LlmErs.Vectors;

/// <summary>
/// Integer dot products of an int8 query against rows of 4-bit codes: <c>Σ code[i] · query[i]</c>, exact in 32 bits,
/// four rows per pass.
/// </summary>
/// <remarks>
/// <para>Rows are packed in blocks of 32 bytes holding 64 values: byte <c>j</c> carries value <c>j</c> of the block in
/// its low nibble and value <c>32 + j</c> in its high nibble. The query keeps its natural order, so the low nibbles of a
/// block meet the block's first 32 query bytes and the high nibbles the next 32.</para>
/// <para>A code is at most 15, so <c>vpmaddubsw</c> cannot saturate (two pairs of 15 · 127 stay far below 32,767): unlike
/// the 8-bit kernel this needs no sign trick, and it reads half the bytes, which is what a scan from memory is bound by.</para>
/// </remarks>
internal static unsafe class Int4Kernels
{
    /// <summary>The bytes of one packed block.</summary>
    public const int BlockBytes = 32;

    /// <summary>The values of one packed block.</summary>
    public const int BlockValues = 2 * BlockBytes;

    // As in the 8-bit kernel: successors requested a few blocks of four rows ahead of the rows being scored.
    private const int PrefetchDistance = 4096;

    /// <summary>
    /// Writes <c>Σ code[i] · query[i]</c> for each of <paramref name="count"/> rows of <paramref name="rowBytes"/> bytes
    /// (a multiple of <see cref="BlockBytes"/>) to <paramref name="dots"/>; <paramref name="query"/> holds
    /// 2 · <paramref name="rowBytes"/> values.
    /// </summary>
    public static void Score(byte* rows, int count, int rowBytes, sbyte* query, int* dots)
    {
        if (Avx2.IsSupported)
        {
            ScoreAvx2(rows, count, rowBytes, query, dots);
            return;
        }

        for (var r = 0; r < count; r++)
        {
            dots[r] = ScoreScalar(rows + ((long)r * rowBytes), rowBytes, query);
        }
    }

    /// <summary>Packs <paramref name="codes"/> (values 0–15, a multiple of <see cref="BlockValues"/>) into <paramref name="packed"/>.</summary>
    public static void Pack(ReadOnlySpan<byte> codes, Span<byte> packed)
    {
        for (var block = 0; block < packed.Length; block += BlockBytes)
        {
            var values = codes.Slice(2 * block, BlockValues);
            for (var j = 0; j < BlockBytes; j++)
            {
                packed[block + j] = (byte)(values[j] | (values[BlockBytes + j] << 4));
            }
        }
    }

    /// <summary>The code of value <paramref name="index"/> in a packed row.</summary>
    public static byte Unpack(ReadOnlySpan<byte> packed, int index)
    {
        var (block, offset) = Math.DivRem(index, BlockValues);
        var value = packed[(block * BlockBytes) + (offset % BlockBytes)];
        return (byte)(offset < BlockBytes ? value & 0x0F : value >> 4);
    }

    private static int ScoreScalar(byte* row, int rowBytes, sbyte* query)
    {
        var sum = 0;
        for (var i = 0; i < rowBytes; i++)
        {
            var block = i / BlockBytes * BlockValues;
            var j = i % BlockBytes;
            sum += ((row[i] & 0x0F) * query[block + j]) + ((row[i] >> 4) * query[block + BlockBytes + j]);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreAvx2(byte* rows, int count, int rowBytes, sbyte* query, int* dots)
    {
        var r = 0;
        for (; r <= count - 4; r += 4)
        {
            var row0 = rows + ((long)r * rowBytes);
            var row1 = row0 + rowBytes;
            var row2 = row1 + rowBytes;
            var row3 = row2 + rowBytes;
            Vector256<int> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            for (var i = 0; i < rowBytes; i += BlockBytes)
            {
                // The four rows are contiguous: two lines per step cover the 4 × 32 bytes it consumes.
                Sse.Prefetch0(row0 + PrefetchDistance + (4 * i));
                Sse.Prefetch0(row0 + PrefetchDistance + (4 * i) + 64);
                var low = Vector256.Load(query + (2 * i));
                var high = Vector256.Load(query + (2 * i) + BlockBytes);
                acc0 += BlockDot(Vector256.Load(row0 + i), low, high);
                acc1 += BlockDot(Vector256.Load(row1 + i), low, high);
                acc2 += BlockDot(Vector256.Load(row2 + i), low, high);
                acc3 += BlockDot(Vector256.Load(row3 + i), low, high);
            }

            // Three horizontal adds leave row j's total in lane j of each half; integer sums are exact in any order.
            var pairs = Avx2.HorizontalAdd(Avx2.HorizontalAdd(acc0, acc1), Avx2.HorizontalAdd(acc2, acc3));
            (pairs.GetLower() + pairs.GetUpper()).Store(dots + r);
        }

        for (; r < count; r++)
        {
            var row = rows + ((long)r * rowBytes);
            var acc = Vector256<int>.Zero;
            for (var i = 0; i < rowBytes; i += BlockBytes)
            {
                acc += BlockDot(Vector256.Load(row + i), Vector256.Load(query + (2 * i)), Vector256.Load(query + (2 * i) + BlockBytes));
            }

            dots[r] = Vector256.Sum(acc);
        }
    }

    /// <summary>One packed block against its 64 query values, in eight int32 lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> BlockDot(Vector256<byte> packed, Vector256<sbyte> low, Vector256<sbyte> high)
    {
        var mask = Vector256.Create((byte)0x0F);
        var lowCodes = packed & mask;
        var highCodes = Vector256.ShiftRightLogical(packed.AsUInt16(), 4).AsByte() & mask;
        var pairs = Avx2.MultiplyAddAdjacent(lowCodes, low) + Avx2.MultiplyAddAdjacent(highCodes, high);
        return Avx2.MultiplyAddAdjacent(pairs, Vector256<short>.One);
    }
}
