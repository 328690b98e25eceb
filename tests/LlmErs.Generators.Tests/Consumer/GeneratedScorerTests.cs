using LlmErs.Samples.Catalog;

namespace LlmErs.Generators.Tests.Consumer;

/// <summary>Compile-and-run: the sample's <see cref="MovieScoring.Score"/> is generated at build time.</summary>
public sealed class GeneratedScorerTests
{
    [Fact]
    public void Score_equals_the_scalar_definition()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var taste = RandomVector(random);
            var content = RandomVector(random);
            bool? family = (trial % 3) switch { 0 => true, 1 => false, _ => null };
            var viewer = new Viewer { Id = "u", Taste = taste };
            var movie = new Movie { Id = "m", Title = "t", Content = content, FamilyFriendly = family };

            var expected = 0.0;
            for (var i = 0; i < taste.Length; i++)
            {
                expected += (double)taste[i] * content[i];
            }

            expected += family == true ? 0.05 : 0;
            Assert.Equal(expected, MovieScoring.Score(viewer, movie), 4);
        }
    }

    [Fact]
    public void Missing_vectors_fail_with_advice()
    {
        var viewer = new Viewer { Id = "u", Taste = new float[384] };
        var movie = new Movie { Id = "m", Title = "t" };

        var error = Assert.Throws<InvalidOperationException>(() => MovieScoring.Score(viewer, movie));

        Assert.Equal("Movie.Content has 0 values but is declared with 384 dimensions; compute the embeddings before scoring.", error.Message);
    }

    private static float[] RandomVector(Random random) =>
        Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}

/// <summary>Generated dot products for dimensions with vector tails, compiled and run in memory.</summary>
public sealed class GeneratedScorerTailTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(40)]
    [InlineData(100)]
    public void Dot_products_match_scalar_for_any_dimension(int dimensions)
    {
        var source = $$$"""
            using System;
            using LlmErs;

            [Enrichable]
            public partial class Q
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = {{{dimensions}}})] public partial ReadOnlyMemory<float> V { get; set; }
            }

            public static partial class Scoring
            {
                [Scorer]
                [Similarity(nameof(Q.V), nameof(Q.V))]
                public static partial float Score(Q query, Q item);
            }
            """;
        var outcome = Infrastructure.GeneratorHarness.Run(source);
        Assert.Empty(outcome.CompilationErrors);
        using var image = new MemoryStream();
        Assert.True(outcome.Output.Emit(image).Success);
        var assembly = System.Reflection.Assembly.Load(image.ToArray());
        var type = assembly.GetType("Q")!;
        var score = assembly.GetType("Scoring")!.GetMethod("Score")!;

        var random = new Random(dimensions);
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var item = Activator.CreateInstance(type)!;
        type.GetProperty("V")!.SetValue(item, new ReadOnlyMemory<float>(vector));

        var expected = vector.Sum(v => (double)v * v);
        Assert.Equal(expected, (float)score.Invoke(null, [item, item])!, 4);
    }
}
