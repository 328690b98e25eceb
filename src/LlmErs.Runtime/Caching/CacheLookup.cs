namespace LlmErs;

/// <summary>The result of <see cref="IEnrichmentCache.GetAsync"/>: an answer, nothing, or a corrupt entry with what is wrong with it.</summary>
public readonly struct CacheLookup
{
    private CacheLookup(CacheLookupStatus status, string? answer, string? problem)
    {
        Status = status;
        Answer = answer;
        Problem = problem;
    }

    /// <summary>What the lookup found.</summary>
    public CacheLookupStatus Status { get; }

    /// <summary>The cached answer (<c>{"value": …}</c>) of a <see cref="CacheLookupStatus.Hit"/>; otherwise <see langword="null"/>.</summary>
    public string? Answer { get; }

    /// <summary>What is wrong with a <see cref="CacheLookupStatus.Corrupt"/> entry; otherwise <see langword="null"/>.</summary>
    public string? Problem { get; }

    /// <summary>No entry.</summary>
    public static CacheLookup Miss { get; } = new(CacheLookupStatus.Miss, null, null);

    /// <summary>A valid entry holding <paramref name="answer"/>.</summary>
    public static CacheLookup Hit(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(CacheLookupStatus.Hit, answer, null);
    }

    /// <summary>A corrupt entry; <paramref name="problem"/> says what is wrong.</summary>
    public static CacheLookup Corrupt(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new(CacheLookupStatus.Corrupt, null, problem);
    }
}
