namespace LlmErs.Vectors;

/// <summary>What a data file's first bytes say it holds.</summary>
public enum DataFileKind
{
    /// <summary>Anything else, read as UTF-8 text.</summary>
    Text,
    /// <summary>gzip-compressed content (magic 0x1F 0x8B), decompressed on the fly.</summary>
    Gzip,
    /// <summary>A Parquet file (magic <c>PAR1</c>).</summary>
    Parquet,
}
