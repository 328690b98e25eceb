using System.Text.Json;

namespace LlmErs;

/// <summary>One side of a drift comparison: a run's feature table and, when it has one, its manifest.</summary>
/// <param name="Table">The feature file's rows.</param>
/// <param name="Manifest">The run manifest; <see langword="null"/> when a feature file was given without one beside it.</param>
internal sealed record DriftRun(FeatureTable Table, RunManifest? Manifest)
{
    private const string ManifestFileName = "manifest.json";

    /// <summary>
    /// Loads a run folder (its <c>manifest.json</c> names the feature files; the JSON Lines one is read when there is
    /// one, else the Parquet one) or one feature file (.jsonl or .parquet), with the <c>manifest.json</c> beside it when
    /// there is one.
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
                    "Pass the folder of a completed run, or a feature file (.jsonl or .parquet).", manifestPath);
            }

            var manifest = await ReadManifestAsync(manifestPath, cancellationToken).ConfigureAwait(false);
            return new DriftRun(await ReadFeaturesAsync(FeatureFile(path, manifestPath, manifest), cancellationToken).ConfigureAwait(false), manifest);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist: pass a run folder (with {ManifestFileName}) or a feature file (.jsonl or .parquet).", path);
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
            return await JsonSerializer.DeserializeAsync(stream, ReportJsonContext.Default.RunManifest, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"'{path}' holds null, not a run manifest.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a run manifest ({e.Message}). Was the run interrupted before writing it? Rerun the pipeline.", e);
        }
    }

    // Both formats carry the same rows; JSON Lines is preferred as it tells a withheld list (null) from an empty one.
    private static string FeatureFile(string folder, string manifestPath, RunManifest manifest)
    {
        var features = manifest.Files.Where(f => f.Kind == "features").ToList();
        var file = features.FirstOrDefault(f => IsJsonLines(f.Path)) ?? features.FirstOrDefault(f => IsParquet(f.Path))
            ?? throw new InvalidDataException(
                $"'{manifestPath}' lists no feature file (kind \"features\", .jsonl or .parquet): add FeatureOutput.JsonLines(…) to the pipeline's FeatureOutputs, " +
                "or pass a feature file instead of the folder.");
        return Path.IsPathRooted(file.Path) ? file.Path : Path.Combine(folder, file.Path);
    }

    private static Task<FeatureTable> ReadFeaturesAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The feature file '{path}' does not exist; the run manifest names it. Was it moved or deleted?", path);
        }

        return IsParquet(path) ? ParquetFeatureReader.ReadAsync(path, cancellationToken)
            : IsJsonLines(path) ? JsonLinesFeatureReader.ReadAsync(path, cancellationToken)
            : throw new NotSupportedException($"'{path}' is neither a JSON Lines (.jsonl) nor a Parquet (.parquet) feature file.");
    }

    private static bool IsJsonLines(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
