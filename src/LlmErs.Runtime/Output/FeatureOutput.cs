namespace LlmErs;

/// <summary>Where and how feature rows are written: a file path and a format.</summary>
public sealed class FeatureOutput
{
    /// <summary>Describes an output file.</summary>
    public FeatureOutput(string path, FeatureFileFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feature file format.");
        }

        Path = path;
        Format = format;
    }

    /// <summary>The file; replaced atomically when the output is committed.</summary>
    public string Path { get; }

    /// <summary>The file format.</summary>
    public FeatureFileFormat Format { get; }

    /// <summary>A Parquet output at <paramref name="path"/>.</summary>
    public static FeatureOutput Parquet(string path) => new(path, FeatureFileFormat.Parquet);

    /// <summary>A JSON Lines output at <paramref name="path"/>.</summary>
    public static FeatureOutput JsonLines(string path) => new(path, FeatureFileFormat.JsonLines);

    /// <inheritdoc/>
    public override string ToString() => $"{Format} '{Path}'";
}
