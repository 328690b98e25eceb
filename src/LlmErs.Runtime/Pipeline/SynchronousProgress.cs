namespace LlmErs;

/// <summary>
/// Relays a stage's progress on the reporting thread: <see cref="Progress{T}"/> would post every report to the thread
/// pool, out of order with the next stage's.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
