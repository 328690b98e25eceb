namespace LlmErs;

/// <summary>The result of <see cref="IEnrichmentCache.GetAsync"/>: the stored bytes, nothing, or a corrupt entry with what is wrong with it.</summary>
public readonly struct CacheLookup
{
    private CacheLookup(CacheLookupStatus status, ReadOnlyMemory<byte> value, string? problem)
    {
        Status = status;
        Value = value;
        Problem = problem;
    }

    /// <summary>What the lookup found.</summary>
    public CacheLookupStatus Status { get; }

    /// <summary>
    /// The bytes stored by <see cref="IEnrichmentCache.SetAsync"/>, for a <see cref="CacheLookupStatus.Hit"/>: an answer's
    /// UTF-8 JSON (<c>{"value": …}</c>) or a vector's little-endian float32 values. Empty otherwise. The caller owns them.
    /// </summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>What is wrong with a <see cref="CacheLookupStatus.Corrupt"/> entry; otherwise <see langword="null"/>.</summary>
    public string? Problem { get; }

    /// <summary>No entry.</summary>
    public static CacheLookup Miss { get; } = new(CacheLookupStatus.Miss, default, null);

    /// <summary>A valid entry holding <paramref name="value"/>, which the lookup hands over to the caller.</summary>
    public static CacheLookup Hit(ReadOnlyMemory<byte> value) => new(CacheLookupStatus.Hit, value, null);

    /// <summary>A corrupt entry; <paramref name="problem"/> says what is wrong.</summary>
    public static CacheLookup Corrupt(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new(CacheLookupStatus.Corrupt, default, problem);
    }
}
