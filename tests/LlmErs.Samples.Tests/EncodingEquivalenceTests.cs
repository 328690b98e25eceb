using System.Security.Cryptography;
using LlmErs.Quickstart;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;

namespace LlmErs.Samples.Tests;

public sealed class EncodingEquivalenceTests
{
    [Fact]
    public void OldAndNewEncodingsAreIdentical()
    {
        var movies = Quickstart.Synthetic.SyntheticData.Generate().Movies;
        var model = EnrichmentModel.Of<Movie>();
        var lines = new List<string>();
        foreach (var fields in new[] { FeatureMatrices.ClosedFields, [(LlmField<Movie>)model.Field("Moods")], [(LlmField<Movie>)model.Field("Setting")] })
        {
            using var old = FeatureMatrices.Answers(movies, fields);
            using var now = FieldFeatures.Answers(movies, fields);
            Assert.Equal(old.Dimension, now.Values.Dimension);
            Assert.Equal(old.Values.ToArray(), now.Values.Values.ToArray());
            lines.Add($"{string.Join(",", fields.Select(f => f.Name))}: {old.Dimension} {Hash(old.Values)} {string.Join("|", now.ColumnNames)}");
        }

        var content = (EmbeddingField<Movie>)model.Field("Content");
        var random = new Random(7);
        foreach (var movie in movies)
        {
            content.SetVector(movie, Enumerable.Range(0, content.Dimensions).Select(_ => random.NextSingle()).ToArray());
        }

        using var oldContent = FeatureMatrices.Rows(movies, content.Dimensions, (movie, row) => content.GetVector(movie).Span.CopyTo(row));
        using var newContent = FieldFeatures.Vectors(movies, content);
        Assert.Equal(oldContent.Values.ToArray(), newContent.Values.Values.ToArray());
        lines.Add($"Content: {oldContent.Dimension} {Hash(oldContent.Values)} {movies.Count}");
        File.WriteAllLines("/tmp/encoding-pins.txt", lines);
    }

    private static string Hash(ReadOnlySpan<float> values) =>
        Convert.ToHexString(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values)));
}
