using LlmErs.Vectors;
using Xunit;

namespace LlmErs.Vectors.Tests.SemanticIds;

public sealed class DeterministicMathTests
{
    /// <summary>The documented scheme, one lane at a time: what every vector width must reproduce bit for bit.</summary>
    private static float SixteenLaneDot(float[] a, float[] b)
    {
        var lanes = new float[16];
        var blocked = a.Length - (a.Length % 16);
        for (var i = 0; i < blocked; i++)
        {
            lanes[i % 16] = MathF.FusedMultiplyAdd(a[i], b[i], lanes[i % 16]);
        }

        var eight = new float[8];
        for (var i = 0; i < 8; i++)
        {
            eight[i] = lanes[i] + lanes[i + 8];
        }

        var four = new float[4];
        for (var i = 0; i < 4; i++)
        {
            four[i] = eight[i] + eight[i + 4];
        }

        var tail = 0f;
        for (var i = blocked; i < a.Length; i++)
        {
            tail = MathF.FusedMultiplyAdd(a[i], b[i], tail);
        }

        return ((four[0] + four[2]) + (four[1] + four[3])) + tail;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(384)]
    public void Dot_FollowsTheSixteenLaneScheme_BitForBit(int dimension)
    {
        var a = RandomVectors.Uniform(1, dimension, seed: dimension);
        var b = RandomVectors.Uniform(1, dimension, seed: dimension + 1);
        var difference = a.Zip(b, (x, y) => x - y).ToArray();

        Assert.Equal(SixteenLaneDot(a, b), DeterministicMath.Dot(a, b));
        Assert.Equal(SixteenLaneDot(difference, difference), DeterministicMath.SquaredDistance(a, b));
    }

    [Fact]
    public void Nearest_BreaksTiesTowardTheLowerIndex()
    {
        float[] centroids = [5, 5, 1, 0, -1, 0, 1, 0];

        Assert.Equal(1, DeterministicMath.Nearest([0f, 0f], centroids, out var distance));
        Assert.Equal(1f, distance);
    }
}
