using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;

namespace LlmErs.Samples.Tests;

/// <summary>The sample's generated <c>[Scorer]</c> re-ranks a served model's candidates through <see cref="ScorerReranker{TQuery, TItem}"/>.</summary>
public sealed class GeneratedScorerRerankTests
{
    [Fact]
    public void MovieScoring_AsTheSecondStage_LiftsFamilyFriendlyMovies()
    {
        using var folder = new TempDirectory();
        var builder = new InteractionLogBuilder();
        for (var n = 0; n < 120; n++)
        {
            builder.Add($"u{n % 6}", $"m{(n * 7) % 40}", timestamp: n);
        }

        var split = LeaveOneOutSplitter.Split(InteractionLogOperations.Deduplicate(builder.Build()));
        var model = MatrixFactorization.Train(UserItemMatrix.Create(split.Train), new BprOptions { Dimension = 8, Epochs = 2 }).Model;
        ModelExport.Export(model, split, folder.Path, new ModelExportOptions { ModelName = "bpr", Version = "test" });
        using var serving = ServingModel.Open(folder.Path);

        // Equal content similarity everywhere, so the generated FamilyFriendly weight alone decides.
        var content = new float[384];
        content[0] = 1f;
        var movies = split.ItemIds.Keys.ToDictionary(id => id, id => new Movie
        {
            Id = id,
            Title = id,
            FamilyFriendly = int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 2 == 0,
            Content = content,
        });
        var viewer = new Viewer { Id = "u0", Taste = content };
        var reranker = new ScorerReranker<Viewer, Movie>(viewer, MovieScoring.Score, id => movies[id]) { RetrievalWeight = 0f };

        var reranked = serving.RecommendForUser("u0", 5, new RerankOptions { Reranker = reranker, CandidateCount = 20 });

        var retrieved = serving.RecommendForUser("u0", 20);
        var expected = retrieved.Where(r => movies[r.ItemId].FamilyFriendly == true).Concat(retrieved.Where(r => movies[r.ItemId].FamilyFriendly != true)).Take(5);
        Assert.Equal(expected.Select(r => r.ItemId), reranked.Select(r => r.ItemId));
        Assert.Equal(MovieScoring.Score(viewer, movies[reranked[0].ItemId]), reranked[0].Score);
    }
}
