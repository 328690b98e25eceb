namespace LlmErs;

/// <summary>A feature file format.</summary>
public enum FeatureFileFormat
{
    /// <summary>Apache Parquet: typed columns (strings, string lists, booleans, 64-bit integers, doubles, float vectors).</summary>
    Parquet,

    /// <summary>JSON Lines: one JSON object per item, keyed by column name.</summary>
    JsonLines,
}
