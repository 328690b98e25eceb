using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LlmErs;

/// <summary>
/// Runs work over a sequence with a bounded number of pieces in progress and yields the results in input order.
/// Results that finish early wait in a reorder window several times wider, so that one slow item (a long Retry-After)
/// does not stall the others until the window is full.
/// </summary>
internal static class OrderedConcurrency
{
    private const int WindowPerSlot = 4;

    /// <param name="source">The inputs.</param>
    /// <param name="start">
    /// Starts the work of one input and returns it running; called in input order, one call at a time. Work that may
    /// complete synchronously should be dispatched to the thread pool by <paramref name="start"/> to run in parallel.
    /// </param>
    /// <param name="maxInProgress">Most pieces of work in progress at once.</param>
    /// <param name="cancellationToken">Stops reading inputs and cancels the running work.</param>
    public static async IAsyncEnumerable<TResult> SelectAsync<TSource, TResult>(
        IAsyncEnumerable<TSource> source,
        Func<TSource, CancellationToken, Task<TResult>> start,
        int maxInProgress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(maxInProgress, maxInProgress);
        var window = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(Math.Max(64, maxInProgress * WindowPerSlot))
        {
            SingleReader = true,
            SingleWriter = true,
        });

        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var input in source.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                    await window.Writer.WriteAsync(RunAsync(input), stop.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                window.Writer.Complete();
            }
        }, stop.Token);

        try
        {
            while (await window.Reader.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (window.Reader.TryRead(out var result))
                {
                    yield return await result.ConfigureAwait(false);
                }
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            // Early exit or failure: stop reading inputs, cancel the running work and observe it, so nothing outlives the run.
            stop.Cancel();
            await ObserveAsync(producer).ConfigureAwait(false);
            while (window.Reader.TryRead(out var pending))
            {
                await ObserveAsync(pending).ConfigureAwait(false);
            }
        }

        async Task<TResult> RunAsync(TSource input)
        {
            try
            {
                return await start(input, stop.Token).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch
        {
            // Already reported through the enumeration, or cancelled by it.
        }
    }
}
