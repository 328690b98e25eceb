namespace LlmErs.Recommenders;

/// <summary>
/// Reports on the caller's thread, in order: <see cref="Progress{T}"/> would post each report to the thread pool, so
/// epoch reports could arrive after the row's next stage.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
