namespace LlmErs;

/// <summary>Where a <see cref="KgTriple"/> stands after its field ran.</summary>
public enum TripleStatus
{
    /// <summary>A new triple the model completed the graph with.</summary>
    Added,
    /// <summary>A given triple the model confirmed.</summary>
    Kept,
    /// <summary>The model's replacement for a given triple it found wrong.</summary>
    Fixed,
    /// <summary>A given triple the model found wrong and had no replacement for; it stays on record, out of the features.</summary>
    Dropped,
}
