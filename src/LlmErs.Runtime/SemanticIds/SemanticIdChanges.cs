namespace LlmErs;

/// <summary>
/// How one semantic-ID field's IDs moved since the previous run over the same output folder: whether the codebook was
/// reused or trained again (and why), and every item whose ID changed. With the codebook reused, an item keeps its ID
/// while its vector still maps to the same codes, so only re-embedded items can change.
/// </summary>
public sealed class SemanticIdChanges
{
    /// <summary>Whether this run trained a new codebook instead of reusing the saved one.</summary>
    public required bool Retrained { get; init; }

    /// <summary>Why it trained one (no saved codebook, asked, the declared size or the vectors' dimension changed); <see langword="null"/> when reused.</summary>
    public string? RetrainedBecause { get; init; }

    /// <summary>The codebook's levels.</summary>
    public required int Levels { get; init; }

    /// <summary>The codebook's codes per level.</summary>
    public required int Codes { get; init; }

    /// <summary>Items with the ID the previous run gave them.</summary>
    public required int Kept { get; init; }

    /// <summary>Items the previous run gave no ID.</summary>
    public required int Added { get; init; }

    /// <summary>Items the previous run gave an ID that got none this run (not in the catalog, or their vector failed); their IDs stay reserved for them.</summary>
    public required int Removed { get; init; }

    /// <summary>Every item whose ID changed, in catalog order.</summary>
    public required IReadOnlyList<SemanticIdChange> Changed { get; init; }
}
