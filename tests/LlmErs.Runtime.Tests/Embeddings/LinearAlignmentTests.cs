using Xunit;

namespace LlmErs.Runtime.Tests.Embeddings;

public sealed class LinearAlignmentTests
{
    [Fact]
    public void PlainLeastSquaresRecoversAKnownAffineMap()
    {
        var random = new Random(3);
        float[,] a = { { 1f, -2f, 0.5f, 0f }, { 0f, 3f, 1f, -1f }, { 2f, 0f, 0f, 1f }, { -1f, 1f, 1f, 1f }, { 0.5f, 0.5f, -0.5f, 2f }, { 0f, 0f, 4f, 0f } };
        float[] bias = [0.3f, -1f, 2f, 0f];
        var (sources, targets) = Pairs(random, 200, a, bias, noise: 0);

        var map = LinearAlignment.Fit(sources, targets, new LinearAlignmentOptions { Ridge = 0 });

        Assert.Equal(6, map.SourceDimensions);
        Assert.Equal(4, map.TargetDimensions);
        Assert.Equal(200, map.Pairs);
        for (var t = 0; t < 20; t++)
        {
            var x = Random(random, 6);
            var expected = Apply(a, bias, x);
            var actual = map.Map(x);
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(expected[j], actual[j], 3);
            }
        }
    }

    /// <summary>
    /// A source dimension that repeats another leaves the unregularized system singular: the fit leaves out the
    /// direction with no variance instead of dividing by zero, and still maps every source as the data says.
    /// </summary>
    [Fact]
    public void ARepeatedSourceDimensionWithoutRidge_StillGivesTheMap()
    {
        var random = new Random(11);
        float[,] a = { { 1f, -1f }, { 2f, 0.5f } };
        var (pairs, targets) = Pairs(random, 100, a, [0.5f, 0f], noise: 0);
        ReadOnlyMemory<float>[] sources = [.. pairs.Select(x => (ReadOnlyMemory<float>)new[] { x.Span[0], x.Span[1], x.Span[0] })];

        var map = LinearAlignment.Fit(sources, targets, new LinearAlignmentOptions { Ridge = 0 });

        for (var t = 0; t < 10; t++)
        {
            var x = Random(random, 2);
            var expected = Apply(a, [0.5f, 0f], x);
            var actual = map.Map([x[0], x[1], x[0]]);
            Assert.Equal(expected[0], actual[0], 4);
            Assert.Equal(expected[1], actual[1], 4);
        }
    }

    [Fact]
    public void TheRidgeShrinksTheMapAndNoiseBarelyMovesIt()
    {
        var random = new Random(5);
        float[,] a = { { 2f }, { -1f } };
        var (sources, targets) = Pairs(random, 400, a, [0f], noise: 0.05f);

        var plain = LinearAlignment.Fit(sources, targets, new LinearAlignmentOptions { Ridge = 0 }).Map([1f, 0f])[0];
        var ridged = LinearAlignment.Fit(sources, targets, new LinearAlignmentOptions { Ridge = 1 }).Map([1f, 0f])[0];

        Assert.Equal(2f, plain, 1);
        Assert.InRange(ridged, 0.5f, plain - 0.2f);
    }

    [Fact]
    public void AnItemWithOneModalityGetsAVectorInThePrimarySpace()
    {
        var random = new Random(7);
        float[,] a = { { 1f, 0f }, { 0f, 1f }, { 1f, 1f } };
        var (images, texts) = Pairs(random, 30, a, [0f, 0f], noise: 0);
        var primary = texts.ToArray();
        primary[0] = ReadOnlyMemory<float>.Empty;
        var other = images.ToArray();
        other[1] = ReadOnlyMemory<float>.Empty;

        var completed = ModalityAlignment.Complete(primary, other, new LinearAlignmentOptions { Ridge = 0 }, out var alignment);

        Assert.Equal(28, alignment.Pairs);
        Assert.Equal(primary[1].ToArray(), completed[1].ToArray());
        var expected = texts[0].ToArray();
        var norm = MathF.Sqrt(expected.Sum(v => v * v));
        Assert.Equal(expected[0] / norm, completed[0].Span[0], 3);
        Assert.Equal(expected[1] / norm, completed[0].Span[1], 3);
    }

    [Fact]
    public void TooFewPairsIsAnErrorThatSaysWhatToDo()
    {
        var random = new Random(1);
        var (sources, targets) = Pairs(random, 3, new float[,] { { 1f } }, [0f], noise: 0);

        var error = Assert.Throws<ArgumentException>(() => LinearAlignment.Fit(sources, targets));

        Assert.Contains("Only 3 pair(s)", error.Message, StringComparison.Ordinal);
    }

    private static (ReadOnlyMemory<float>[] Sources, ReadOnlyMemory<float>[] Targets) Pairs(Random random, int count, float[,] a, float[] bias, float noise)
    {
        var sources = new ReadOnlyMemory<float>[count];
        var targets = new ReadOnlyMemory<float>[count];
        for (var i = 0; i < count; i++)
        {
            var x = Random(random, a.GetLength(0));
            var y = Apply(a, bias, x);
            for (var j = 0; j < y.Length; j++)
            {
                y[j] += noise * (float)(random.NextDouble() - 0.5);
            }

            sources[i] = x;
            targets[i] = y;
        }

        return (sources, targets);
    }

    private static float[] Random(Random random, int dimensions) => [.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1))];

    private static float[] Apply(float[,] a, float[] bias, float[] x)
    {
        var y = (float[])bias.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < y.Length; j++)
            {
                y[j] += x[i] * a[i, j];
            }
        }

        return y;
    }
}
