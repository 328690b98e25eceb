using LlmErs.Vectors;
using LlmErs.Vectors.Tests.Scoring;
using Xunit;
using Xunit.Abstractions;

namespace LlmErs.Vectors.Tests.Serving;

/// <summary>Cosine ranks the same whether the store's rows are unit-norm or not, and every default names one metric.</summary>
public sealed class MetricOwnershipTests(ITestOutputHelper output)
{
    private const int Rows = 200, Dimension = 32, K = 10;

    [Fact]
    public void EveryOptionsTypeDefaultsToCosine()
    {
        Assert.Equal(SimilarityMetric.Cosine, new RecommenderIndexOptions().Metric);
        Assert.Equal(SimilarityMetric.Cosine, new VectorSearchOptions().Metric);
        Assert.Equal(SimilarityMetric.Cosine, new QuantizedSearchOptions().Metric);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Cosine_RanksAsTheReference_OnNormalizedAndUnnormalizedStores(bool normalized, bool quantized)
    {
        using var store = Build(ScaledRows(), normalized);
        Assert.Equal(normalized, store.IsNormalized);
        var values = store.Vectors.Values.ToArray();
        using var index = new RecommenderIndex(store, new RecommenderIndexOptions
        {
            Metric = SimilarityMetric.Cosine,
            UseQuantizedScan = quantized,
            RerankCandidates = Rows, // every row re-ranked exactly, so the shortlist cannot differ from the exact scan
        });
        var profile = RandomVectors.Uniform(1, Dimension, seed: 62);
        var history = new[] { 3, 40, 41 };
        var mean = new float[Dimension];
        foreach (var row in history)
        {
            for (var d = 0; d < Dimension; d++)
            {
                mean[d] += values[(row * Dimension) + d] / history.Length;
            }
        }

        AssertCosineRanking(values, profile, excluded: [], index.RecommendForProfile(profile, K));
        AssertCosineRanking(values, mean, history, index.RecommendForHistory(history.Select(row => $"i{row}"), K));
        AssertCosineRanking(values, values.AsSpan(7 * Dimension, Dimension).ToArray(), [7], index.SimilarItems("i7", K));
    }

    [Fact]
    public void TheScaledRows_RankDifferentlyByDotProductAndByCosine()
    {
        // Guards the test above: on these rows a store that scored cosine as a plain dot product would fail it.
        var values = ScaledRows();
        var profile = RandomVectors.Uniform(1, Dimension, seed: 62);

        Assert.NotEqual(TopByCosine(values, profile, []), TopBy(values, row => Reference.Dot(Row(values, row), profile), []));
    }

    [Fact]
    public void RecommendForHistory_AllocatesOneQueryVectorBesidesTheResult()
    {
        // Wide rows make a query vector far larger than the scan's fixed bookkeeping, so a second copy cannot hide.
        const int wide = 4096, rows = 64, count = 10;
        using var store = Build(RandomVectors.Uniform(rows, wide, seed: 63), normalized: true, wide);
        using var index = new RecommenderIndex(store);
        string[] history = ["i1", "i2", "i3"];
        index.RecommendForHistory(history, count);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = index.RecommendForHistory(history, count);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One query vector (the searcher's normalized copy) plus 4 KB for the result, the heap and the history's set,
        // which measure under 1 KB here; a second vector would be 16 KB more.
        var queryVector = (wide * sizeof(float)) + 24;
        output.WriteLine($"RecommendForHistory allocated {allocated} bytes; one query vector is {queryVector}");
        Assert.Equal(count, result.Count);
        Assert.InRange(allocated, 0, queryVector + 4096);
    }

    private static void AssertCosineRanking(float[] values, float[] query, int[] excluded, IReadOnlyList<Recommendation> results)
    {
        var expected = TopByCosine(values, query, excluded);
        Assert.Equal(expected.Select(row => $"i{row}"), results.Select(r => r.ItemId));
        foreach (var result in results)
        {
            var row = int.Parse(result.ItemId.AsSpan(1));
            Assert.Equal(Cosine(Row(values, row), query), result.Score, 1e-5);
        }
    }

    private static int[] TopByCosine(float[] values, float[] query, int[] excluded) =>
        TopBy(values, row => Cosine(Row(values, row), query), excluded);

    private static int[] TopBy(float[] values, Func<int, double> score, int[] excluded)
    {
        var ranked = Enumerable.Range(0, values.Length / Dimension).Where(row => !excluded.Contains(row)).OrderByDescending(score).ToArray();

        // The reference is double precision; a near tie at the cut could legitimately rank either way in float32.
        Assert.True(score(ranked[K - 1]) - score(ranked[K]) > 1e-5, "The test data has a near tie at the k-th row; change a seed.");
        return ranked[..K];
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        Reference.Dot(a, b) / Math.Sqrt(Reference.Dot(a, a) * Reference.Dot(b, b));

    private static ReadOnlySpan<float> Row(float[] values, int row) => values.AsSpan(row * Dimension, Dimension);

    // Rows of norms from 1 to 7, so that the dot product favours long rows and cosine does not.
    private static float[] ScaledRows()
    {
        var values = RandomVectors.Uniform(Rows, Dimension, seed: 61);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= 1 + (i / Dimension % 7);
        }

        return values;
    }

    private static VectorStore Build(float[] values, bool normalized, int dimension = Dimension)
    {
        using var builder = new VectorStoreBuilder("test-model", dimension) { NormalizeRows = normalized };
        for (var row = 0; row < values.Length / dimension; row++)
        {
            builder.Add($"i{row}", values.AsSpan(row * dimension, dimension));
        }

        return builder.Build();
    }
}
