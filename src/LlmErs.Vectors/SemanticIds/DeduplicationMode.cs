namespace LlmErs.Vectors;

/// <summary>How <see cref="SemanticIdAssigner"/> keeps IDs unique when items share all their codes (as in TIGER).</summary>
public enum DeduplicationMode
{
    /// <summary>
    /// The first item with a code tuple keeps it as is; later ones get an extra code 1, 2, … (<c>12-24-52</c>,
    /// <c>12-24-52-1</c>). IDs stay short, and adding items never renames existing ones. The default.
    /// </summary>
    OnCollision,

    /// <summary>
    /// Every ID gets the extra code, counting from 0 (<c>12-24-52-0</c>, <c>12-24-52-1</c>), so all IDs have the same
    /// length, as a generative retriever decoding a fixed number of tokens needs.
    /// </summary>
    Always,
}
