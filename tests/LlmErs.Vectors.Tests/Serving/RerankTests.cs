namespace LlmErs.Vectors.Tests.Serving;

public sealed class RerankTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ServingModel _serving;

    public RerankTests()
    {
        ServingFolders.Write(_folder.Path, items: 200);
        _serving = ServingModel.Open(_folder.Path);
    }

    public void Dispose()
    {
        _serving.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void AReranker_OrdersTheCandidatesByItsScores()
    {
        // The rule: items whose number is even first, each group in retrieval order.
        var rule = new RuleReranker(c => (Number(c.ItemId) % 2 == 0 ? 100f : 0f) + c.Score);

        var reranked = _serving.RecommendForUser("u1", 10, new RerankOptions { Reranker = rule, CandidateCount = 40 });

        var retrieved = _serving.RecommendForUser("u1", 40);
        var expected = retrieved.Where(r => Number(r.ItemId) % 2 == 0).Concat(retrieved.Where(r => Number(r.ItemId) % 2 != 0)).Take(10);
        Assert.Equal(expected.Select(r => r.ItemId), reranked.Select(r => r.ItemId));
        Assert.All(reranked, r => Assert.Equal(rule.Scorer(retrieved.Single(c => c.ItemId == r.ItemId)), r.Score));
    }

    [Fact]
    public void EqualNewScores_KeepTheRetrievalOrder()
    {
        var reranked = _serving.RecommendForHistory(["i1", "i2"], 15, rerank: new RerankOptions { Reranker = new RuleReranker(_ => 1f), CandidateCount = 15 });

        Assert.Equal(_serving.RecommendForHistory(["i1", "i2"], 15).Select(r => r.ItemId), reranked.Select(r => r.ItemId));
    }

    [Fact]
    public void CandidateCount_BoundsWhatTheRerankerSees()
    {
        var rule = new RuleReranker(c => -c.Score);

        var reranked = _serving.SimilarItems("i3", 5, new RerankOptions { Reranker = rule, CandidateCount = 25 });

        var retrieved = _serving.SimilarItems("i3", 25);
        Assert.Equal(retrieved, rule.Seen);
        Assert.Equal(retrieved.Reverse().Take(5).Select(r => r.ItemId), reranked.Select(r => r.ItemId));
        Assert.Throws<ArgumentOutOfRangeException>(() => _serving.SimilarItems("i3", 30, new RerankOptions { Reranker = rule, CandidateCount = 25 }));
    }

    [Fact]
    public void ScorerReranker_AdaptsATypedScorer_ThroughAnItemLookup()
    {
        // As a generated [Scorer] would: a typed query and item, here a viewer who wants family-friendly films.
        var films = Enumerable.Range(0, 200).ToDictionary(i => $"i{i}", i => new Film($"i{i}", FamilyFriendly: i % 3 == 0));
        var reranker = new ScorerReranker<Viewer, Film>(new Viewer(Penalty: 10f), Score, id => films[id]);

        var reranked = _serving.RecommendForUser("u0", 10, new RerankOptions { Reranker = reranker, CandidateCount = 60 });

        var retrieved = _serving.RecommendForUser("u0", 60);
        var expected = retrieved.Where(r => films[r.ItemId].FamilyFriendly).Concat(retrieved.Where(r => !films[r.ItemId].FamilyFriendly)).Take(10);
        Assert.Equal(expected.Select(r => r.ItemId), reranked.Select(r => r.ItemId));
    }

    [Fact]
    public void ARerankerThatGivesNaN_IsNamedInTheError()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => _serving.RecommendForUser("u0", 5, new RerankOptions { Reranker = new RuleReranker(_ => float.NaN) }));

        Assert.Contains(nameof(RuleReranker), error.Message);
    }

    private static float Score(Viewer viewer, Film film) => film.FamilyFriendly ? 0f : -viewer.Penalty;

    private static int Number(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Viewer(float Penalty);

    private sealed record Film(string Id, bool FamilyFriendly);

    private sealed class RuleReranker(Func<Recommendation, float> scorer) : IReranker
    {
        public Func<Recommendation, float> Scorer => scorer;

        public Recommendation[] Seen { get; private set; } = [];

        public void Score(ReadOnlySpan<Recommendation> candidates, Span<float> scores)
        {
            Seen = candidates.ToArray();
            for (var j = 0; j < candidates.Length; j++)
            {
                scores[j] = scorer(candidates[j]);
            }
        }
    }
}
