using System.Text.Json;

namespace LlmErs;

/// <summary>One side of a drift comparison: a run's feature table and, when it has one, its manifest.</summary>
/// <param name="Table">The feature file's rows.</param>
/// <param name="Manifest">The run manifest; <see langword="null"/> when a feature file was given without one beside it.</param>
internal sealed record DriftRun(FeatureTable Table, RunManifest? Manifest)
{
    private const string ManifestFileName = "manifest.json";

    /// <summary>
    /// Loads a run folder (its <c>manifest.json</c> names the feature files; JSON Lines is read) or one feature file,
    /// with the <c>manifest.json</c> beside it when there is one.
    /// </summary>
    public static async Task<DriftRun> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var manifestPath = Path.Combine(path, ManifestFileName);
            if (!File.Exists(manifestPath))
            {
                throw new FileNotFoundException(
                    $"'{manifestPath}' does not exist: a run folder holds the {ManifestFileName} the offline pipeline writes last. " +
                    "Pass the folder of a completed run, or a feature file (.jsonl).", manifestPath);
            }

            var manifest = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false);
            return new DriftRun(await ReadFeaturesAsync(FeatureFile(path, manifestPath, manifest), cancellationToken).ConfigureAwait(false), manifest);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist: pass a run folder (with {ManifestFileName}) or a JSON Lines feature file.", path);
        }

        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ManifestFileName);
        var besideManifest = File.Exists(beside) ? await ReadManifestAsync(beside, cancellationToken).ConfigureAwait(false) : null;
        return new DriftRun(await ReadFeaturesAsync(path, cancellationToken).ConfigureAwait(false), besideManifest);
    }

    private static async Task<RunManifest> ReadManifestAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, PipelineJsonContext.Default.RunManifest, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"'{path}' holds null, not a run manifest.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a run manifest ({e.Message}). Was the run interrupted before writing it? Rerun the pipeline.", e);
        }
    }

    // The JSON Lines file carries the same rows as the Parquet one; it is the one read.
    private static string FeatureFile(string folder, string manifestPath, RunManifest manifest)
    {
        var file = manifest.Files.FirstOrDefault(f => f.Kind == "features" && f.Path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException(
                $"'{manifestPath}' lists no JSON Lines feature file (kind \"features\", .jsonl): add FeatureOutput.JsonLines(…) to the pipeline's FeatureOutputs, " +
                "or pass a .jsonl file instead of the folder.");
        return Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(folder, file.Path);
    }

    private static Task<FeatureTable> ReadFeaturesAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The feature file '{path}' does not exist; the run manifest names it. Was it moved or deleted?", path);
        }

        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"'{path}' is not a JSON Lines file (.jsonl): drift reads the JSON Lines feature file; the run writes one beside the Parquet file.");
        }

        return JsonLinesFeatureReader.ReadAsync(path, cancellationToken);
    }
}
