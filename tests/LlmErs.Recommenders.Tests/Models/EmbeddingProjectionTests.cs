using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Models;

public sealed class EmbeddingProjectionTests
{
    // Points a·e1 + b·e2 + offset, with e1 = (1, 1, 0)/√2 (variance 9) and e2 = (0, 0, 1) (variance 1).
    private static readonly (float A, float B)[] Coordinates = [(-3, -1), (3, -1), (-3, 1), (3, 1)];

    private static VectorMatrix KnownPoints()
    {
        var (e1, offset) = (1f / MathF.Sqrt(2), new[] { 5f, -2f, 7f });
        var values = Coordinates.SelectMany(p => new[] { offset[0] + (p.A * e1), offset[1] + (p.A * e1), offset[2] + p.B }).ToArray();
        return VectorMatrix.Create(values, 3);
    }

    [Fact]
    public void Pca_OnAKnownMatrix_GivesTheCoordinatesOnThePrincipalDirections()
    {
        using var points = KnownPoints();
        using var projected = EmbeddingProjection.Pca(points, 2, maxDegreeOfParallelism: 1);

        // Components are signed so that their largest entry is positive: +e1 and +e2.
        for (var row = 0; row < Coordinates.Length; row++)
        {
            Assert.Equal(Coordinates[row].A, projected.GetRow(row)[0], 4);
            Assert.Equal(Coordinates[row].B, projected.GetRow(row)[1], 4);
        }
    }

    [Fact]
    public void Pca_ToOneDimension_KeepsTheDirectionOfLargestVariance()
    {
        using var points = KnownPoints();
        using var projected = EmbeddingProjection.Pca(points, 1);

        Assert.Equal(Coordinates.Select(p => p.A), Enumerable.Range(0, 4).Select(row => MathF.Round(projected.GetRow(row)[0], 4)));
    }

    [Fact]
    public void RandomProjection_IsSeeded_CentredAndKeepsDistancesRoughly()
    {
        var catalog = SyntheticCatalog.Create(featureDimension: 64);
        using var features = catalog.FeatureMatrix();
        using var first = EmbeddingProjection.RandomProjection(features, 32, seed: 3);
        using var second = EmbeddingProjection.RandomProjection(features, 32, seed: 3);
        using var other = EmbeddingProjection.RandomProjection(features, 32, seed: 4);

        Assert.True(first.Values.SequenceEqual(second.Values));
        Assert.False(first.Values.SequenceEqual(other.Values));
        for (var column = 0; column < 32; column++)
        {
            var mean = Enumerable.Range(0, first.Count).Average(row => first.GetRow(row)[column]);
            Assert.True(Math.Abs(mean) < 1e-4, $"Column {column} has mean {mean}.");
        }

        // Johnson–Lindenstrauss: distances keep their size within a loose factor.
        var ratios = Enumerable.Range(1, 50).Select(row => Distance(first, 0, row) / Distance(features, 0, row)).ToArray();
        Assert.InRange(ratios.Average(), 0.7, 1.3);
    }

    [Fact]
    public void Projections_RejectADimensionAboveTheInput()
    {
        using var points = KnownPoints();
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingProjection.Pca(points, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingProjection.RandomProjection(points, 0));
    }

    private static double Distance(VectorMatrix matrix, int a, int b)
    {
        var x = matrix.GetRow(a);
        var y = matrix.GetRow(b);
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }

        return Math.Sqrt(sum);
    }
}
