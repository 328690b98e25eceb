using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using Microsoft.Extensions.Options;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The LLM teacher of the ablation: for every user, the run's chat client (the offline one by default) ranks the
/// <see cref="Candidates"/> most popular training items the user has not seen, given the titles and genres of their
/// <see cref="HistoryLength"/> latest training items. Answers are cached beside the enrichment cache.
/// </summary>
internal static class LlmTeacherRankings
{
    public const int Candidates = 20;
    public const int HistoryLength = LlmChosenPairs.HistoryLength;

    /// <param name="split">The split whose training part gives the histories and the candidates.</param>
    /// <param name="byId">The movies by id.</param>
    /// <param name="chat">The model that ranks and its request options: the client the catalog was enriched with.</param>
    /// <param name="outputDirectory">Where the teachers' cache lives.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public static async Task<ListwiseTeacherScores> RankAsync(
        DataSplit split, IReadOnlyDictionary<string, Movie> byId, ChatSetup chat, string outputDirectory, CancellationToken cancellationToken)
    {
        var train = split.Train;
        var popularity = PopularityRecommender.Fit(train);
        var scores = new float[split.ItemCount];
        popularity.ScoreItems(0, scores);
        var popular = Enumerable.Range(0, split.ItemCount).OrderByDescending(item => scores[item]).ThenBy(item => item).ToArray();
        var histories = PairCandidates.LatestTrainingItems(split, HistoryLength);
        var seen = UserItemMatrix.Create(train);
        var requests = new List<TeacherRequest>();
        var users = new List<int>();
        for (var user = 0; user < split.UserCount; user++)
        {
            if (histories[user].Length == 0)
            {
                continue;
            }

            var history = histories[user].Select(item => LlmChosenPairs.Describe(byId[split.ItemIds[item]])).ToArray();
            var candidates = popular.Where(item => !seen.Contains(user, item)).Take(Candidates)
                .Select(item => new TeacherCandidate(split.ItemIds[item], LlmChosenPairs.Describe(byId[split.ItemIds[item]]))).ToArray();
            requests.Add(new TeacherRequest(split.UserIds[user], history, candidates));
            users.Add(user);
        }

        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, "teacher-cache.db"));
        using var teacher = new ListwiseTeacher(chat.Client, cache, Options.Create(new ListwiseTeacherOptions { Requests = chat.Options }));
        var rankings = await teacher.RankAsync(requests, cancellationToken);
        return ListwiseTeacherScores.Create(
            split.UserCount,
            split.ItemCount,
            rankings.Select((ranking, i) => (users[i], (IReadOnlyList<int>)[.. ranking.RankedKeys.Select(split.ItemIds.GetIndex)])));
    }
}
