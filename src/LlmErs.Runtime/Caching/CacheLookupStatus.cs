namespace LlmErs;

/// <summary>What a cache lookup found.</summary>
public enum CacheLookupStatus
{
    /// <summary>No entry for the key.</summary>
    Miss,

    /// <summary>A valid entry.</summary>
    Hit,

    /// <summary>An entry whose checksum or format is wrong; it must be recomputed.</summary>
    Corrupt,
}
