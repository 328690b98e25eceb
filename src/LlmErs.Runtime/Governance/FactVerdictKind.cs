namespace LlmErs;

/// <summary>What a judge found in a generated text.</summary>
public enum FactVerdictKind
{
    /// <summary>Every claim follows from the source.</summary>
    Supported,

    /// <summary>A claim is not in the source.</summary>
    Unsupported,

    /// <summary>A claim contradicts the source.</summary>
    Contradicted,
}
