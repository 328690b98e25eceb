namespace LlmErs;

/// <summary>How a field of one item ended.</summary>
public enum FieldStatus
{
    /// <summary>The answer came from the cache; no request was made.</summary>
    Cached,

    /// <summary>The model answered, the answer was valid, and it is now cached.</summary>
    Generated,

    /// <summary>The field failed; see <see cref="FieldOutcome.Failure"/>.</summary>
    Failed,

    /// <summary>The field was not attempted because a field it depends on failed.</summary>
    Skipped,
}
