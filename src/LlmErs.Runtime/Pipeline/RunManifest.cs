namespace LlmErs;

/// <summary>
/// What a pipeline run was and wrote, for traceability and drift checks: written as <c>manifest.json</c> beside the
/// outputs, once every other file is complete.
/// </summary>
public sealed class RunManifest
{
    /// <summary>The run's id: a version-7 GUID, so ids sort by start time.</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>When the run completed (UTC).</summary>
    public required DateTime CompletedAt { get; init; }

    /// <summary>The LlmErs runtime's informational version.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>The item type's name.</summary>
    public required string ItemType { get; init; }

    /// <summary>The chat models the LLM fields used.</summary>
    public required IReadOnlyList<string> ChatModels { get; init; }

    /// <summary>The embedding model; <see langword="null"/> when the item type has no text embedding field.</summary>
    public required string? EmbeddingModel { get; init; }

    /// <summary>The image embedding model; <see langword="null"/> when the item type has no image embedding field.</summary>
    public string? ImageEmbeddingModel { get; init; }

    /// <summary>Items with a row in the feature files.</summary>
    public required int Items { get; init; }

    /// <summary>Items rejected before enrichment (null, an empty or duplicate key), which have no row.</summary>
    public required int RejectedItems { get; init; }

    /// <summary>Every derived field: its fingerprint, model and counts by status.</summary>
    public required IReadOnlyList<ManifestField> Fields { get; init; }

    /// <summary>Every file the run wrote, the manifest aside.</summary>
    public required IReadOnlyList<OutputFile> Files { get; init; }
}
