using System.Runtime.Intrinsics.X86;

namespace LlmErs.Recommenders;

/// <summary>
/// Prefetch hints for rows read at random: a batch's items are scattered over tables larger than the core's cache, and
/// a loop over them otherwise waits on memory for each row in turn. A hint changes no result.
/// </summary>
internal static class CacheLines
{
    private const int LineBytes = 64;

    /// <summary>How many rows ahead of the one in hand a loop asks for: enough to cover memory latency, few enough to stay in cache.</summary>
    public const int RowsAhead = 4;

    /// <summary>Asks the processor to bring <paramref name="values"/> into cache.</summary>
    public static unsafe void Prefetch(ReadOnlySpan<float> values)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        fixed (float* start = values)
        {
            var bytes = (byte*)start;
            for (var offset = 0; offset < values.Length * sizeof(float); offset += LineBytes)
            {
                Sse.Prefetch0(bytes + offset);
            }
        }
    }
}
