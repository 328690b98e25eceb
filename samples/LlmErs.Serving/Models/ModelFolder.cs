using LlmErs.Vectors;

namespace LlmErs.Serving.Models;

/// <summary>
/// A folder the offline job wrote. When it holds an exported trained model (a <c>serving/</c> subfolder, as the main
/// sample writes, or the export folder itself: <c>manifest.json</c> beside <c>items.vec</c>), that model serves.
/// Otherwise the item content vector store (<c>movies.vec</c> by default) serves, with optionally the users' histories
/// (<c>user-histories.json</c>) and a version label (<c>model-version.txt</c>). A version folder per release lets a
/// reload point at the next one while the current one keeps serving.
/// </summary>
public static class ModelFolder
{
    /// <summary>The command that writes the default folder, named in every missing-file error.</summary>
    public const string WriterCommand = "dotnet run --project samples/LlmErs.Quickstart";

    /// <summary>The optional JSON object mapping user ids to the item ids they interacted with.</summary>
    public const string HistoriesFile = "user-histories.json";

    /// <summary>The subfolder the main sample exports its trained model to.</summary>
    public const string ExportFolder = "serving";

    /// <summary>The optional one-line version label; without it the version is the folder name and the store's write time.</summary>
    public const string VersionFile = "model-version.txt";

    /// <summary>Opens the model in <paramref name="folder"/>.</summary>
    /// <exception cref="ServingSetupException">The folder or its store is missing or damaged; the message names them and the command that writes them.</exception>
    public static IRecommendationModel Open(string folder, string storeFile, RecommenderIndexOptions options)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new ServingSetupException(
                $"The model folder '{full}' does not exist. Write it with `{WriterCommand}` (it writes out/quickstart), or pass --from with the folder it wrote.");
        }

        if (ExportIn(full) is { } export)
        {
            try
            {
                return new ExportedModel(ServingModel.Open(export));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                throw new ServingSetupException($"The exported model in '{export}' cannot be served: {e.Message} Re-create it with `{WriterCommand}`.", e);
            }
        }

        var store = Path.Combine(full, storeFile);
        if (!File.Exists(store))
        {
            throw new ServingSetupException(
                $"The model folder '{full}' has no item vector store '{storeFile}'. Write it with `{WriterCommand}`, which saves movies.vec there.");
        }

        try
        {
            return ContentIndexModel.Open(store, Path.Combine(full, HistoriesFile), VersionOf(full, store), options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            throw new ServingSetupException($"The model in '{full}' cannot be served: {e.Message} Re-create it with `{WriterCommand}`.", e);
        }
    }

    private static string? ExportIn(string folder)
    {
        static bool IsExport(string path) => File.Exists(Path.Combine(path, ServingManifest.FileName)) && File.Exists(Path.Combine(path, "items.vec"));
        var nested = Path.Combine(folder, ExportFolder);
        return IsExport(nested) ? nested : IsExport(folder) ? folder : null;
    }

    private static string VersionOf(string folder, string store)
    {
        var file = Path.Combine(folder, VersionFile);
        if (File.Exists(file))
        {
            var label = File.ReadAllText(file).Trim();
            if (label.Length > 0)
            {
                return label;
            }
        }

        return $"{Path.GetFileName(folder)}@{File.GetLastWriteTimeUtc(store):yyyyMMdd'T'HHmmss'Z'}";
    }
}
