namespace LlmErs;

/// <summary>A thread-safe count of one request's retries, carried in its resilience context.</summary>
internal sealed class RetryCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
