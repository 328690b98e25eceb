using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class ContentBaselineTests
{
    [Fact]
    public void Scores_AreTheCosineOfTheHistoryMeanWithEachItem()
    {
        // User 0 has items 0 and 1; user 1 has no history.
        using var embeddings = VectorMatrix.Create([2, 0, 0, 3, 1, 1, 0, -5], 2);
        var model = ContentBaseline.Create(UserItemMatrix.Create([0, 0], [0, 1], 2, 4), embeddings);

        var scores = new float[4];
        model.ScoreItems(0, scores);

        // Mean of the unit vectors (1, 0) and (0, 1) points along (1, 1).
        Assert.Equal(1f, scores[0] * MathF.Sqrt(2), 5);
        Assert.Equal(1f, scores[1] * MathF.Sqrt(2), 5);
        Assert.Equal(1f, scores[2], 5);
        Assert.Equal(-1f, scores[3] * MathF.Sqrt(2), 5);

        model.ScoreItems(1, scores);
        Assert.All(scores, score => Assert.Equal(0f, score));
    }

    [Fact]
    public void RanksColdItemsByTheirFeatures()
    {
        var catalog = SyntheticCatalog.Create();
        using var features = catalog.FeatureMatrix();

        var model = ContentBaseline.Create(catalog.Feedback(), features);

        Assert.True(catalog.ColdItemAuc(model) > 0.9);
    }

    [Fact]
    public void Create_RejectsEmbeddingsThatDoNotMatchTheItems()
    {
        using var embeddings = VectorMatrix.Create([1, 0, float.NaN, 1], 2);
        var feedback = UserItemMatrix.Create([0], [0], 1, 3);

        var rows = Assert.Throws<ArgumentException>(() => ContentBaseline.Create(feedback, embeddings));
        Assert.Equal("itemEmbeddings", rows.ParamName);
        Assert.Contains("give one per index (3)", rows.Message);

        var nan = Assert.Throws<ArgumentException>(() => ContentBaseline.Create(UserItemMatrix.Create([0], [0], 1, 2), embeddings));
        Assert.Contains("Row 1, column 0 is NaN", nan.Message);
    }
}
