namespace LlmErs;

/// <summary>The storage type of a feature column.</summary>
public enum FeatureColumnType
{
    /// <summary>The item key (string).</summary>
    Key,
    /// <summary>A string (free text, a canonical value, an enum's name).</summary>
    String,
    /// <summary>A list of strings (tags).</summary>
    StringList,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>A 64-bit integer.</summary>
    Int64,
    /// <summary>A double.</summary>
    Double,
    /// <summary>A float32 vector of fixed dimension.</summary>
    Vector,
    /// <summary>A semantic ID, stored as its string form (<c>12-24-52-0</c>).</summary>
    SemanticId,
}
