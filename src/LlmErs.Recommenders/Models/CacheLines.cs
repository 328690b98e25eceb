using System.Runtime.Intrinsics.X86;

namespace LlmErs.Recommenders;

/// <summary>
/// Prefetch hints for rows read at random: a batch's items are scattered over tables larger than the core's cache, and
/// a loop over them otherwise waits on memory for each row in turn. A hint changes no result.
/// </summary>
internal static class CacheLines
{
    private const int LineBytes = 64;

    // How many rows ahead of the one in hand a loop asks for: enough to cover memory latency, few enough to stay in cache.
    private const int RowsAhead = 4;

    /// <summary>
    /// Asks for the row of a row-major <paramref name="table"/> that a loop over <paramref name="rows"/> reaches a few
    /// places after <paramref name="position"/>, if there is one and <paramref name="keep"/> (when given) says the loop will read it.
    /// </summary>
    public static void PrefetchAhead(ReadOnlySpan<float> table, int columns, ReadOnlySpan<int> rows, int position, ReadOnlySpan<bool> keep = default)
    {
        var ahead = position + RowsAhead;
        if (ahead < rows.Length && (keep.IsEmpty || keep[ahead]))
        {
            Prefetch(table.Slice(rows[ahead] * columns, columns));
        }
    }

    /// <summary>Asks the processor to bring <paramref name="values"/> into cache.</summary>
    private static unsafe void Prefetch(ReadOnlySpan<float> values)
    {
        if (!Sse.IsSupported || values.IsEmpty)
        {
            return;
        }

        fixed (float* start = values)
        {
            // Line by line from the line holding the first value to the one holding the last: a row need not start a line.
            var first = (nuint)start & ~(nuint)(LineBytes - 1);
            var last = (nuint)(start + values.Length) - 1;
            for (var line = first; line <= last; line += LineBytes)
            {
                Sse.Prefetch0((void*)line);
            }
        }
    }
}
