using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>
/// LLM-chosen training pairs (LLMRec's interaction augmentation): an ID-only BPR trained on the split's training part
/// retrieves each user's <see cref="Candidates"/> best unseen movies; the run's chat client (the offline one by default) names
/// the one the user would most and least enjoy given their <see cref="HistoryLength"/> latest training movies; pairs the
/// base model contradicts by more than <see cref="Margin"/> are dropped. Answers are cached beside the enrichment cache.
/// </summary>
internal static class LlmChosenPairs
{
    public const int Candidates = 10;
    public const int HistoryLength = 10;
    public const int MaxUsers = 1000;
    public const float Margin = 0.1f;
    public const float Weight = 1f;

    /// <param name="split">The split whose training part gives the histories and trains the base model.</param>
    /// <param name="byId">The movies by id.</param>
    /// <param name="chat">The model that chooses and its request options: the client the catalog was enriched with.</param>
    /// <param name="outputDirectory">Where the teachers' cache lives.</param>
    /// <param name="console">Where the line about the pairs goes.</param>
    /// <param name="cancellationToken">Cancels training and the requests.</param>
    public static async Task<AugmentedPairs> ChooseAsync(
        DataSplit split, IReadOnlyDictionary<string, Movie> byId, ChatSetup chat, string outputDirectory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var histories = PairCandidates.LatestTrainingItems(split, HistoryLength);
        int[] users = [.. Enumerable.Range(0, split.UserCount).Where(user => histories[user].Length > 0).Take(MaxUsers)];
        var retrieved = PairCandidates.FromSplit(split, users, Candidates, new BprOptions { Seed = 42 }, cancellationToken);
        var requests = users.Select((user, u) => new TeacherRequest(
            split.UserIds[user],
            [.. histories[user].Select(item => Describe(byId[split.ItemIds[item]]))],
            [.. retrieved.Candidates[u].Select(item => new TeacherCandidate(split.ItemIds[item], Describe(byId[split.ItemIds[item]])))])).ToArray();

        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, "teacher-cache.db"));
        using var teacher = new PairTeacher(chat.Client, cache, Options.Create(new PairTeacherOptions { Requests = chat.Options }));
        var chosen = await teacher.ChooseAsync(requests, cancellationToken);
        TrainingPair[] pairs = [.. chosen.Pairs.Zip(users)
            .Where(answer => answer.First.Choice is not null)
            .Select(answer => new TrainingPair(answer.Second, split.ItemIds.GetIndex(answer.First.Choice!.Value.Liked), split.ItemIds.GetIndex(answer.First.Choice!.Value.Disliked)))];
        var denoised = PairDenoiser.Prune(retrieved.BaseModel, pairs, Margin);
        console.MarkupLine(
            $"  LLM-chosen pairs: {Markup.Escape(chosen.Report.ToString())}; the base BPR contradicted {denoised.Dropped.Count:N0} by more than {Margin} (dropped), {denoised.Kept.Count:N0} kept (weight {Weight})");
        return new AugmentedPairs { Pairs = denoised.Kept, Weight = Weight };
    }

    /// <summary>What the model reads about a movie: "title (year), genres".</summary>
    public static string Describe(Movie movie) =>
        $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}, {string.Join(", ", movie.Genres)}";
}
