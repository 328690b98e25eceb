using LlmErs.Vectors;
using Xunit;
using Xunit.Abstractions;

namespace LlmErs.Vectors.Tests.Scoring;

public sealed class QuantizedSearchTests(ITestOutputHelper output)
{
    private const int Count = 20_000, Dimension = 96, Queries = 100, K = 10;

    [Theory]
    [InlineData(QuantizationScale.PerDimension, 8)]
    [InlineData(QuantizationScale.PerRow, 8)]
    [InlineData(QuantizationScale.PerDimension, 4)]
    [InlineData(QuantizationScale.PerRow, 4)]
    public void RecallAt10_OnClusteredUnitVectors_IsAtLeast99Percent(QuantizationScale scale, int bits)
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Clustered(Count, Dimension, clusters: 200, seed: 41), Dimension);
        var queries = RandomVectors.Clustered(Queries, Dimension, clusters: 200, seed: 42);
        var exact = new VectorSearcher(matrix);
        using var quantized = new QuantizedVectorSearcher(matrix, new QuantizedSearchOptions { Scale = scale, BitsPerValue = bits });

        var found = 0;
        for (var q = 0; q < Queries; q++)
        {
            var query = queries.AsSpan(q * Dimension, Dimension);
            var truth = exact.Search(query, K);
            var approximate = quantized.Search(query, K);
            found += approximate.Count(result => truth.Contains(result));
        }

        var recall = found / (double)(Queries * K);
        output.WriteLine($"{scale}, {bits} bits: recall@{K} = {recall:F4}");
        Assert.InRange(recall, 0.99, 1.0);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(4)]
    public void Results_CarryExactScores_AndHonourExclusionsAndThreads(int bits)
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Clustered(40_000, 24, clusters: 30, seed: 43), 24);
        var query = RandomVectors.Clustered(1, 24, clusters: 30, seed: 44);
        var exact = new VectorSearcher(matrix).Search(query, 10);
        var excluded = new HashSet<int> { exact[0].Row, exact[3].Row };
        using var single = new QuantizedVectorSearcher(matrix, new QuantizedSearchOptions { RerankCandidates = 200, BitsPerValue = bits });
        using var parallel = new QuantizedVectorSearcher(matrix, new QuantizedSearchOptions { RerankCandidates = 200, BitsPerValue = bits, MaxDegreeOfParallelism = 2 });

        var results = single.Search(query, 8, excluded);

        Assert.Equal(exact.Where(result => !excluded.Contains(result.Row)).ToArray(), results);
        Assert.Equal(results, parallel.Search(query, 8, excluded));
    }

    [Fact]
    public void KLargerThanTheCandidates_StillReturnsK()
    {
        using var matrix = VectorMatrix.Create(RandomVectors.Uniform(300, 40, seed: 45), 40);
        using var quantized = new QuantizedVectorSearcher(matrix, new QuantizedSearchOptions { RerankCandidates = 5 });

        var results = quantized.Search(RandomVectors.Uniform(1, 40, seed: 46), k: 50);

        Assert.Equal(50, results.Length);
        Assert.True(results.Zip(results.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }
}
