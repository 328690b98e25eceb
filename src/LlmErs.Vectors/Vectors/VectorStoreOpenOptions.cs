namespace LlmErs.Vectors;

/// <summary>Options for <see cref="VectorStore.Open(string, VectorStoreOpenOptions?)"/>.</summary>
public sealed class VectorStoreOpenOptions
{
    /// <summary>
    /// Whether to check the payload's checksum before returning, which reads the whole file once (a 1.5 GB store of a
    /// million 384-d rows in 0.3–0.4 s when it is in the page cache).
    /// Default <see langword="true"/>; turn it off only for files whose integrity is checked elsewhere.
    /// </summary>
    public bool VerifyChecksum { get; set; } = true;

    /// <summary>
    /// The model id the store must have been built with, or <see langword="null"/> to accept any. A mismatch throws
    /// rather than letting queries from one model score against vectors of another.
    /// </summary>
    public string? ExpectedModelId { get; set; }

    /// <summary>What a serving manifest recorded of the file, or <see langword="null"/>: a file whose header differs is from another export.</summary>
    internal PayloadStamp? ExpectedStamp { get; init; }
}
