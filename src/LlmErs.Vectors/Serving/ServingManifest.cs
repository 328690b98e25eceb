using System.Text.Json.Serialization;

namespace LlmErs.Vectors;

/// <summary>
/// What a serving folder holds (its <c>manifest.json</c>): which model, which version, and the files with their checksums.
/// Written by <c>ModelExport.Export</c> in LlmErs.Recommenders and checked by <see cref="ServingModel.Open"/>.
/// </summary>
public sealed record ServingManifest
{
    /// <summary>The manifest's file name inside a serving folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The value of <see cref="Format"/> in every serving manifest.</summary>
    public const string FormatName = "llmers-serving";

    /// <summary>The folder format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <see cref="FormatName"/>: tells a serving manifest from any other JSON file.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The folder format version; <see cref="ServingModel.Open"/> reads <see cref="CurrentFormatVersion"/> only.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The model's name, e.g. <c>two-tower</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The model's version, as the exporter named it.</summary>
    public required string Version { get; init; }

    /// <summary>The model's type, which decides how a new user's vector is computed.</summary>
    public required ServingModelKind Kind { get; init; }

    /// <summary><c>model@version</c>: stored in every vector store of the folder, so stores of two exports are never mixed.</summary>
    public string ModelId => $"{Model}@{Version}";

    /// <summary>The number of values in each user and item vector.</summary>
    public required int Dimension { get; init; }

    /// <summary>How a user vector scores an item: always <c>dot</c>, as in training and evaluation.</summary>
    public string Metric { get; init; } = "dot";

    /// <summary>
    /// The seed of the evaluator's tie order the item rows were laid out in: equal scores rank the lower row first, as
    /// the evaluator with this <c>TieBreakSeed</c> ranks them.
    /// </summary>
    public required int TieBreakSeed { get; init; }

    /// <summary>How many user features <see cref="ServingModel.RecommendForHistory"/> accepts; 0 when the model has none.</summary>
    public int UserFeatureDimension { get; init; }

    /// <summary>The files of the folder by role (<c>items</c>, <c>users</c>, <c>seen</c>, and for a two-tower model <c>history</c>, <c>userFeatures</c>).</summary>
    public required IReadOnlyDictionary<string, ServingFile> Files { get; init; }
}

/// <summary>A file of a serving folder, as the manifest records it.</summary>
/// <param name="Path">The file's name, relative to the folder.</param>
/// <param name="Bytes">The file's length.</param>
/// <param name="Checksum">The XxHash128 of everything after the file's 128-byte header, in hex, as its header stores it.</param>
public sealed record ServingFile(string Path, long Bytes, string Checksum);

/// <summary>The model types a serving folder can hold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServingModelKind>))]
public enum ServingModelKind
{
    /// <summary>Matrix factorization (BPR, embedding-initialized BPR): it has no user tower for new users.</summary>
    [JsonStringEnumMemberName("factor")]
    Factor,

    /// <summary>A two-tower model: new users' vectors come from the user tower, run at request time.</summary>
    [JsonStringEnumMemberName("two-tower")]
    TwoTower,
}
