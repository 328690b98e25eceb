using System.Globalization;
using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Quickstart;

/// <summary>
/// Serving with no LLM: the trained model, saved and exported to a serving folder, answers from its own vectors; the
/// content-only list (the mean MiniLM vector of the history, from the store the offline pipeline wrote) is shown beside
/// it. No chat client is involved; the serving host sample starts from the same folder.
/// </summary>
internal static class OnlineServing
{
    /// <summary>The folder of the exported model, inside the output folder.</summary>
    public const string ServingFolder = "serving";

    /// <summary>The saved model file, inside the output folder.</summary>
    public const string ModelFileName = "two-tower.model";

    private const int MinHistory = 8;
    private const int MaxHistory = 30;

    /// <summary>Saves <paramref name="served"/>'s model and exports it to <see cref="ServingFolder"/>; returns the serving folder.</summary>
    public static string Export(ServedModel served, string outputDirectory, CancellationToken cancellationToken)
    {
        served.Model.Save(Path.Combine(outputDirectory, ModelFileName));
        var folder = Path.Combine(outputDirectory, ServingFolder);
        ModelExport.Export(served.Model, served.Split, folder, new ModelExportOptions
        {
            ModelName = "two-tower",
            Version = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        }, cancellationToken);
        return folder;
    }

    /// <summary>The trained model's top <paramref name="count"/> for a known user, their seen items left out.</summary>
    public static IReadOnlyList<Recommendation> RecommendForUser(string servingFolder, string user, int count)
    {
        using var serving = ServingModel.Open(servingFolder);
        return serving.RecommendForUser(user, count);
    }

    /// <summary>The content-only top <paramref name="count"/>: the mean content vector of the history.</summary>
    public static IReadOnlyList<Recommendation> RecommendByContent(IReadOnlyList<string> history, string storePath, int count)
    {
        using var index = RecommenderIndex.Open(storePath);
        return index.RecommendForHistory(history, count);
    }

    /// <summary>
    /// A user to show: the first with a history long enough to have a taste and short enough to list (the longest
    /// otherwise), and that history in time order.
    /// </summary>
    public static (string User, IReadOnlyList<string> History) ExampleUser(InteractionLog log)
    {
        var rows = Enumerable.Range(0, log.Count).ToLookup(row => log[row].User);
        var user = rows.FirstOrDefault(g => g.Count() is >= MinHistory and <= MaxHistory) ?? rows.MaxBy(g => g.Count())!;
        return (log.UserIds[user.Key], [.. user.OrderBy(row => log[row].Timestamp).Select(row => log.ItemIds[log[row].Item])]);
    }
}
