using System.Text.Json;

namespace LlmErs.Vectors;

/// <summary>
/// Reads and writes a serving folder's manifest, and ties each file to it: every file of the folder has the
/// <see cref="PayloadHeader"/> layout, whose length and payload checksum the manifest records as the export wrote them,
/// and the file's reader checks them against the header it reads anyway, so a file from another export is caught on
/// open without reading any header twice.
/// </summary>
internal static class ServingFolder
{
    /// <summary>Records <paramref name="fileName"/>, written with <paramref name="stamp"/>, for the manifest.</summary>
    public static ServingFile Describe(string fileName, PayloadStamp stamp) => new(fileName, stamp.Bytes, stamp.Checksum);

    /// <summary>Writes the manifest last, so a folder with a manifest is complete.</summary>
    public static void WriteManifest(string folder, ServingManifest manifest)
    {
        using var file = AtomicFile.Create(Path.Combine(folder, ServingManifest.FileName));
        JsonSerializer.Serialize(file.Stream, manifest, ServingManifestJson.Default.ServingManifest);
        file.Commit();
    }

    /// <exception cref="FileNotFoundException">The folder has no manifest.</exception>
    /// <exception cref="InvalidDataException">The manifest is not a serving manifest this library reads.</exception>
    public static ServingManifest ReadManifest(string folder)
    {
        var path = Path.GetFullPath(Path.Combine(folder, ServingManifest.FileName));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"There is no serving manifest at '{path}'. Export a trained model into this folder with ModelExport.Export (LlmErs.Recommenders).", path);
        }

        ServingManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ServingManifestJson.Default.ServingManifest);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The serving manifest '{path}' is not valid: {exception.Message} Export the model again.", exception);
        }

        if (manifest is null || manifest.Format != ServingManifest.FormatName)
        {
            throw new InvalidDataException($"The file '{path}' is not an LlmErs serving manifest. Export the model again with ModelExport.Export.");
        }

        if (manifest.FormatVersion != ServingManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"The serving folder '{folder}' has format version {manifest.FormatVersion}; this library reads version {ServingManifest.CurrentFormatVersion}. Export the model again with this library's version.");
        }

        if (manifest.Metric != "dot" || manifest.Dimension < 1)
        {
            throw new InvalidDataException($"The serving manifest '{path}' has metric '{manifest.Metric}' and dimension {manifest.Dimension}; this library serves dot-product models only.");
        }

        return manifest;
    }

    /// <summary>
    /// The full path of the file with <paramref name="role"/> and what the manifest records of it, for its reader to
    /// check against the file's header.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The manifest does not name the role.</exception>
    public static (string Path, PayloadStamp Expected) Resolve(string folder, ServingManifest manifest, string role)
    {
        var manifestPath = Path.GetFullPath(Path.Combine(folder, ServingManifest.FileName));
        if (!manifest.Files.TryGetValue(role, out var expected))
        {
            throw new InvalidDataException($"The serving manifest '{manifestPath}' names no '{role}' file, which a {manifest.Kind} model needs. Export the model again.");
        }

        var path = Path.GetFullPath(Path.Combine(folder, expected.Path));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' that the serving manifest '{manifestPath}' names is missing. Export the model again, or restore the folder from a copy.", path);
        }

        return (path, new PayloadStamp(expected.Bytes, expected.Checksum.ToLowerInvariant()));
    }
}
