namespace LlmErs;

/// <summary>
/// Runs batches with the next one started before the last one is finished, and hands their results on in order.
/// </summary>
/// <remarks>
/// An embedding batch is a model call, which keeps the cores busy, then cache lookups and writes on one thread; with a
/// second batch in flight the model runs while the first one's writes commit. A local model's thread cap
/// (<c>MiniLmEmbeddingGeneratorOptions.Threads</c>) keeps two calls on the cores one would use; a remote provider sees
/// at most two requests at once.
/// </remarks>
internal static class OverlappedBatches
{
    /// <summary>Batches in flight at once.</summary>
    public const int Depth = 2;

    /// <summary>
    /// Starts <paramref name="run"/> for each batch, at most <see cref="Depth"/> at once, and calls
    /// <paramref name="finish"/> with each result in the batches' order. On a failure the batches still running are
    /// cancelled and awaited before the failure is thrown, so nothing runs on after the caller has its error.
    /// </summary>
    public static async Task RunAsync<TBatch, TResult>(
        IEnumerable<TBatch> batches, Func<TBatch, CancellationToken, Task<TResult>> run, Action<TBatch, TResult> finish, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(TBatch Batch, Task<TResult> Result)>();
        try
        {
            foreach (var batch in batches)
            {
                if (inFlight.Count == Depth)
                {
                    await FinishFirstAsync(inFlight, finish).ConfigureAwait(false);
                }

                inFlight.Enqueue((batch, run(batch, stop.Token)));
            }

            while (inFlight.Count > 0)
            {
                await FinishFirstAsync(inFlight, finish).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (_, result) in inFlight)
            {
                // The first failure is the one thrown; what the others end with, cancellation mostly, is not news.
                await ((Task)result).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            throw;
        }
    }

    private static async Task FinishFirstAsync<TBatch, TResult>(Queue<(TBatch Batch, Task<TResult> Result)> inFlight, Action<TBatch, TResult> finish)
    {
        var (batch, result) = inFlight.Peek();
        var value = await result.ConfigureAwait(false);
        inFlight.Dequeue();
        finish(batch, value);
    }
}
