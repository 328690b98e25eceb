using LlmErs.Local;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.AI;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The LLM teacher of the ablation: for every user, the offline chat client (or any IChatClient) ranks the
/// <see cref="Candidates"/> most popular training items the user has not seen, given the titles and genres of their
/// <see cref="HistoryLength"/> latest training items. Answers are cached beside the enrichment cache.
/// </summary>
internal static class LlmTeacherRankings
{
    public const int Candidates = 20;
    public const int HistoryLength = 10;

    public static async Task<ListwiseTeacherScores> RankAsync(
        DataSplit split, IReadOnlyDictionary<string, Movie> byId, IEmbeddingGenerator<string, Embedding<float>> embeddings, string outputDirectory, CancellationToken cancellationToken)
    {
        var train = split.Train;
        var popularity = PopularityRecommender.Fit(train);
        var scores = new float[split.ItemCount];
        popularity.ScoreItems(0, scores);
        var popular = Enumerable.Range(0, split.ItemCount).OrderByDescending(item => scores[item]).ThenBy(item => item).ToArray();
        var histories = Enumerable.Range(0, split.UserCount).Select(_ => new List<(long Time, int Item)>()).ToArray();
        for (var row = 0; row < train.Count; row++)
        {
            histories[train.Users[row]].Add((train.Timestamps[row], train.Items[row]));
        }

        var requests = new List<TeacherRequest>();
        var users = new List<int>();
        for (var user = 0; user < split.UserCount; user++)
        {
            if (histories[user].Count == 0)
            {
                continue;
            }

            var seen = histories[user].Select(entry => entry.Item).ToHashSet();
            var history = histories[user].OrderBy(entry => entry.Time).TakeLast(HistoryLength).Select(entry => Describe(byId, split.ItemIds[entry.Item])).ToArray();
            var candidates = popular.Where(item => !seen.Contains(item)).Take(Candidates)
                .Select(item => new TeacherCandidate(split.ItemIds[item], Describe(byId, split.ItemIds[item]))).ToArray();
            requests.Add(new TeacherRequest(split.UserIds[user], history, candidates));
            users.Add(user);
        }

        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, "teacher-cache.db"));
        using var client = new OfflineChatClient(embeddings);
        using var teacher = new ListwiseTeacher(client, cache);
        var rankings = await teacher.RankAsync(requests, cancellationToken);
        return ListwiseTeacherScores.Create(
            split.UserCount,
            split.ItemCount,
            rankings.Select((ranking, i) => (users[i], (IReadOnlyList<int>)[.. ranking.RankedKeys.Select(split.ItemIds.GetIndex)])));
    }

    private static string Describe(IReadOnlyDictionary<string, Movie> byId, string id)
    {
        var movie = byId[id];
        return $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}, {string.Join(", ", movie.Genres)}";
    }
}
