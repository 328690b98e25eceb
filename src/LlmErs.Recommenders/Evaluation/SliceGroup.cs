namespace LlmErs.Recommenders;

/// <summary>What a <see cref="Slice"/> divides.</summary>
public enum SliceGroup
{
    /// <summary>All test cases.</summary>
    Overall,

    /// <summary>Test cases by their item's training popularity: cold, long tail, head.</summary>
    ItemPopularity,

    /// <summary>Users by the length of their training history.</summary>
    UserHistory,
}
