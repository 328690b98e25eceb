using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.Scoring;

public sealed class VectorSearcherTests
{
    private static readonly VectorSearchOptions DotProduct = new() { Metric = SimilarityMetric.DotProduct };

    [Theory]
    [InlineData(0, 5, 3)]
    [InlineData(1, 5, 3)]
    [InlineData(7, 3, 10)]
    [InlineData(1000, 33, 0)]
    [InlineData(1000, 33, 1)]
    [InlineData(1000, 384, 10)]
    [InlineData(1003, 17, 1003)]
    public void Search_ReturnsTheReferenceTopK(int count, int dimension, int k)
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Uniform(count, dimension, seed: count), dimension);
        var query = RandomVectors.Uniform(1, dimension, seed: 99);
        var searcher = new VectorSearcher(matrix, DotProduct);
        var scores = new float[count];
        searcher.ScoreAll(query, scores);

        var results = searcher.Search(query, k);

        Assert.Equal(Reference.TopRows(scores, k), Reference.Rows(results));
        Assert.All(results, result => Assert.Equal(scores[result.Row], result.Score));
        Assert.All(results, result => Assert.Equal(Reference.Dot(matrix.GetRow(result.Row), query), result.Score, 1e-4));
    }

    [Fact]
    public void EqualScores_AreOrderedByLowerRow()
    {
        // Rows 1, 3, 4 and 6 are identical, so they tie; row 5 is better than all.
        float[] values = [0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 2, 2, 1, 1];
        using var matrix = VectorMatrix.Create(values, dimension: 2);

        var results = new VectorSearcher(matrix, DotProduct).Search([1f, 1f], k: 4);

        Assert.Equal([5, 1, 3, 4], Reference.Rows(results));
    }

    [Fact]
    public void ExcludedRows_AreNeverReturned()
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Uniform(500, 8, seed: 3), dimension: 8);
        var query = RandomVectors.Uniform(1, 8, seed: 4);
        var searcher = new VectorSearcher(matrix, DotProduct);
        var scores = new float[500];
        searcher.ScoreAll(query, scores);
        var excluded = Reference.TopRows(scores, 5).ToHashSet();

        var results = searcher.Search(query, k: 10, excluded);

        Assert.Equal(Reference.TopRows(scores, 10, excluded), Reference.Rows(results));
    }

    [Theory]
    [InlineData(SimilarityMetric.DotProduct)]
    [InlineData(SimilarityMetric.Cosine)]
    public void MultiThreaded_EqualsSingleThreaded_IncludingTiesAcrossSlices(SimilarityMetric metric)
    {
        const int Count = 50_001, Dimension = 19;
        var values = RandomVectors.Uniform(Count, Dimension, seed: 21);
        // Equal best rows (twice the query) spread over every slice make ties that the merge must order by row.
        var query = RandomVectors.Uniform(1, Dimension, seed: 22);
        foreach (var row in new[] { 40_000, 3, 25_001, 49_999, 12_345 })
        {
            for (var d = 0; d < Dimension; d++)
            {
                values[(row * Dimension) + d] = 2 * query[d];
            }
        }

        using var matrix = VectorMatrix.Create(values, Dimension);
        var single = new VectorSearcher(matrix, new VectorSearchOptions { Metric = metric }).Search(query, k: 20);

        foreach (var threads in new[] { 2, 3, 4 })
        {
            var parallel = new VectorSearcher(matrix, new VectorSearchOptions { Metric = metric, MaxDegreeOfParallelism = threads }).Search(query, k: 20);
            Assert.Equal(single, parallel);
        }

        Assert.Equal([3, 12_345, 25_001, 40_000, 49_999], Reference.Rows(single)[..5]);
    }

    [Theory]
    [InlineData(SimilarityMetric.DotProduct, 1)]
    [InlineData(SimilarityMetric.Cosine, 1)]
    [InlineData(SimilarityMetric.DotProduct, 2)]
    public void SearchBatch_EqualsOneSearchPerQuery(SimilarityMetric metric, int threads)
    {
        const int Count = 40_003, Dimension = 37, Queries = 7;
        using var matrix = VectorMatrix.Create(RandomVectors.Uniform(Count, Dimension, seed: 31), Dimension);
        var queries = RandomVectors.Uniform(Queries, Dimension, seed: 32);
        var searcher = new VectorSearcher(matrix, new VectorSearchOptions { Metric = metric, MaxDegreeOfParallelism = threads });

        var batched = searcher.SearchBatch(queries, k: 10);

        Assert.Equal(Queries, batched.Length);
        for (var q = 0; q < Queries; q++)
        {
            Assert.Equal(searcher.Search(queries.AsSpan(q * Dimension, Dimension), k: 10), batched[q]);
        }
    }

    [Fact]
    public void Cosine_DividesByBothNorms()
    {
        using var matrix = VectorMatrix.Create([3f, 4f, 0f, 0f, 10f, 0f], dimension: 2);
        var results = new VectorSearcher(matrix, new VectorSearchOptions { Metric = SimilarityMetric.Cosine }).Search([2f, 0f], k: 3);

        Assert.Equal([2, 0, 1], Reference.Rows(results));
        Assert.Equal(1f, results[0].Score, 1e-6f);
        Assert.Equal(0.6f, results[1].Score, 1e-6f);
        Assert.Equal(0f, results[2].Score);
    }

    [Fact]
    public void Cosine_OnRowsFlaggedUnitNorm_ScoresAsWhenTheNormsAreDividedOut()
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Clustered(3000, 24, clusters: 20, seed: 7), 24);
        var query = RandomVectors.Uniform(1, 24, seed: 8);

        var dividedOut = new VectorSearcher(matrix).Search(query, k: 20);
        var flagged = new VectorSearcher(matrix, new VectorSearchOptions { RowsAreNormalized = true }).Search(query, k: 20);

        Assert.Equal(Reference.Rows(dividedOut), Reference.Rows(flagged));
        Assert.All(dividedOut.Zip(flagged), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-6f));
    }

    [Fact]
    public void InvalidQueries_AreRejectedWithTheReason()
    {
        using var matrix = VectorMatrix.Create(new float[12], dimension: 4);
        var searcher = new VectorSearcher(matrix);

        Assert.Contains("has 3 values", Assert.Throws<ArgumentException>(() => searcher.Search([1f, 2f, 3f], 1)).Message);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => searcher.Search([1f, float.NaN, 0f, 0f], 1)).Message);
        Assert.Throws<ArgumentException>(() => searcher.SearchBatch(new float[6], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => searcher.Search(new float[4], -1));
    }

    [Fact]
    public void SearchBatch_HonoursCancellation()
    {
        using var matrix = VectorMatrix.Create(new float[400], dimension: 4);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new VectorSearcher(matrix).SearchBatch(new float[8], 1, cancellation.Token));
    }
}
