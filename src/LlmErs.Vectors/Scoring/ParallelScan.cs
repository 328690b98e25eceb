namespace LlmErs.Vectors;

/// <summary>
/// Runs a top-k scan over contiguous slices of the rows, one slice per thread, and merges the slices' heaps. The
/// heaps' order is total (score, then row), so the merged result equals a single-threaded scan's.
/// </summary>
internal static class ParallelScan
{
    // Below this many rows per slice, starting a thread costs more than it saves.
    private const int MinRowsPerSlice = 16_384;

    /// <summary>Scans rows [<paramref name="start"/>, <paramref name="end"/>) into one heap per query.</summary>
    public delegate void SliceScanner(int start, int end, TopKHeap[] heaps);

    /// <summary>Scans all <paramref name="rowCount"/> rows for <paramref name="queryCount"/> queries and returns each query's heap.</summary>
    public static TopKHeap[] Run(int rowCount, int queryCount, int k, int maxDegreeOfParallelism, SliceScanner scan, CancellationToken cancellationToken)
    {
        var slices = Math.Clamp(Math.Min(maxDegreeOfParallelism, rowCount / MinRowsPerSlice), 1, Environment.ProcessorCount);
        if (slices == 1)
        {
            var heaps = CreateHeaps(queryCount, k);
            scan(0, rowCount, heaps);
            return heaps;
        }

        // Slice bounds on multiples of four keep every slice in the four-row kernels.
        var sliceRows = ((rowCount / slices) + 3) & ~3;
        var partial = new TopKHeap[slices][];
        Parallel.For(
            0,
            slices,
            new ParallelOptions { MaxDegreeOfParallelism = slices, CancellationToken = cancellationToken },
            slice =>
            {
                partial[slice] = CreateHeaps(queryCount, k);
                var start = Math.Min(slice * sliceRows, rowCount);
                scan(start, Math.Min(start + sliceRows, rowCount), partial[slice]);
            });

        var merged = partial[0];
        for (var slice = 1; slice < slices; slice++)
        {
            for (var q = 0; q < queryCount; q++)
            {
                merged[q].AddRange(partial[slice][q]);
            }
        }

        return merged;
    }

    private static TopKHeap[] CreateHeaps(int queryCount, int k)
    {
        var heaps = new TopKHeap[queryCount];
        for (var q = 0; q < queryCount; q++)
        {
            heaps[q] = new TopKHeap(k);
        }

        return heaps;
    }
}
