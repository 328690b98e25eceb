namespace LlmErs;

/// <summary>Counts the commits of one <see cref="SqliteEnrichmentCache"/>, so that its readers know when their snapshot is stale.</summary>
internal sealed class CommitCounter
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Increment() => Interlocked.Increment(ref _value);
}
