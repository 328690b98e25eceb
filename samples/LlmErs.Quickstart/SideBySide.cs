using System.Runtime.ExceptionServices;

namespace LlmErs.Quickstart;

/// <summary>
/// Two pieces of work run at once, so one fills the cores the other leaves idle. The first failure of either cancels
/// the other, and it is the exception thrown, not the cancellation it caused; a result the other produced anyway is
/// disposed.
/// </summary>
internal static class SideBySide
{
    public static async Task<(T1 First, T2 Second)> RunAsync<T1, T2>(
        Func<CancellationToken, Task<T1>> first, Func<CancellationToken, Task<T2>> second, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        async Task<T> StopOtherOnFailure<T>(Func<CancellationToken, Task<T>> work)
        {
            try
            {
                return await work(stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }

        var firstTask = StopOtherOnFailure(first);
        var secondTask = StopOtherOnFailure(second);
        try
        {
            await Task.WhenAll(firstTask, secondTask);
        }
        catch
        {
            foreach (var result in new object?[] { Completed(firstTask), Completed(secondTask) })
            {
                (result as IDisposable)?.Dispose();
            }

            if (new Task[] { firstTask, secondTask }.FirstOrDefault(task => task.Exception?.InnerException is { } e && e is not OperationCanceledException) is { } failed)
            {
                ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
            }

            throw;
        }

        return (await firstTask, await secondTask);
    }

    private static object? Completed<T>(Task<T> task) => task.IsCompletedSuccessfully ? task.Result : null;
}
