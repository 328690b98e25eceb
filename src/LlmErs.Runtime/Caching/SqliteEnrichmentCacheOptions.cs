namespace LlmErs;

/// <summary>Options of <see cref="SqliteEnrichmentCache"/>.</summary>
public sealed class SqliteEnrichmentCacheOptions
{
    /// <summary>The database file; created with its directory when missing. Default <c>llmers-cache.db</c>.</summary>
    public string Path { get; set; } = "llmers-cache.db";

    /// <summary>
    /// Most entries committed in one transaction. Writes that arrive while a commit is in progress are grouped into
    /// the next one, so that many concurrent requests share one disk flush. Default 512.
    /// </summary>
    public int MaxEntriesPerCommit { get; set; } = 512;

    /// <summary>
    /// How long a command waits for another process that holds the database's write lock before failing. Default 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
