using System.Runtime.Intrinsics;
using LlmErs.Vectors;

namespace LlmErs.Benchmarks.Vectors;

/// <summary>The read-bandwidth yardstick: the fastest one core can stream a matrix, summing it with Vector512 in four chains.</summary>
internal static unsafe class MemoryBandwidth
{
    public static float Sum(VectorMatrix matrix)
    {
        var values = matrix.Pointer;
        var length = (long)matrix.Count * matrix.Dimension;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        long i = 0;
        for (; i <= length - 64; i += 64)
        {
            a0 += Vector512.Load(values + i);
            a1 += Vector512.Load(values + i + 16);
            a2 += Vector512.Load(values + i + 32);
            a3 += Vector512.Load(values + i + 48);
        }

        var sum = Vector512.Sum((a0 + a1) + (a2 + a3));
        for (; i < length; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
