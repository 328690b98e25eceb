namespace LlmErs.Recommenders;

/// <summary>
/// Runs independent work over a range in contiguous chunks, inline when the range is too small to be worth a thread.
/// Callers only hand it work whose result does not depend on the chunking, so any thread count gives the same bits.
/// </summary>
internal static class ParallelChunks
{
    /// <summary>Calls <paramref name="body"/> with disjoint [start, end) ranges covering [0, <paramref name="count"/>).</summary>
    /// <param name="count">The size of the range.</param>
    /// <param name="minChunk">The least work per chunk; below it a thread costs more than it saves.</param>
    /// <param name="maxDegreeOfParallelism">The most chunks run at once; -1 for as many as there are cores.</param>
    /// <param name="body">The work on one chunk.</param>
    public static void For(int count, int minChunk, int maxDegreeOfParallelism, Action<int, int> body)
    {
        var threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var chunks = Math.Clamp(Math.Min(threads, count / Math.Max(minChunk, 1)), 1, Environment.ProcessorCount);
        if (chunks == 1)
        {
            body(0, count);
            return;
        }

        var size = (count + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, chunk =>
        {
            var start = chunk * size;
            body(start, Math.Min(start + size, count));
        });
    }
}
