using System.Security.Cryptography;
using System.Runtime.InteropServices;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Quickstart.Synthetic;
using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;

namespace LlmErs.Samples.Tests;

/// <summary>
/// The synthetic ablation's feature blocks are exactly those the sample built before the library encoded them (when it
/// read the choices out of each field's JSON schema): the hashes were taken from that encoding on the same catalog, so
/// the ablation numbers cannot move.
/// </summary>
public sealed class SyntheticFeatureBlockTests
{
    private static readonly EnrichmentModel<Movie> Model = EnrichmentModel.Of<Movie>();

    [Theory]
    [InlineData("Moods", 6, "423FDFD63CDB0A3BD7CB7C798B1DC532E41D0D98234FAD78E2CBA05B49F97911")]
    [InlineData("Setting", 7, "9E67C6AED841A68DFE8B67A85754AEC3196F36D8FDF46B34F788F97F05F9DF2F")]
    public void EachAblatedField_EncodesAsBefore(string field, int columns, string sha256)
    {
        var movies = SyntheticData.Generate().Movies;

        using var block = FieldFeatures.Answers(movies, (LlmField<Movie>)Model.Field(field));

        Assert.Equal((movies.Count, columns), (block.Values.Count, block.Values.Dimension));
        Assert.Equal(sha256, Hash(block.Values.Values));
    }

    [Fact]
    public void TheLlmSlots_EncodeAsBefore()
    {
        var movies = SyntheticData.Generate().Movies;

        using var block = FieldFeatures.Answers(movies, MovieFeatures.SlotFields);

        Assert.Equal(20, block.Values.Dimension);
        Assert.Equal("4309EE0DC8956013E883AB83FA42521F6C7306AA88A6CDB8370EA2213DC08A77", Hash(block.Values.Values));
    }

    [Fact]
    public void TheContentBlock_IsTheEmbeddingsRowByRow()
    {
        var movies = SyntheticData.Generate().Movies;
        var content = (EmbeddingField<Movie>)Model.Field(nameof(Movie.Content));
        var random = new Random(7);
        foreach (var movie in movies)
        {
            content.SetVector(movie, Enumerable.Range(0, content.Dimensions).Select(_ => random.NextSingle()).ToArray());
        }

        using var block = FieldFeatures.Vectors(movies, content);

        Assert.Equal("E3FF63D488E7952B54AB1D00C75515BE58B0F4FC15B4F139965347847A997BD7", Hash(block.Values.Values));
        Assert.Equal(movies.SelectMany(movie => content.GetVector(movie).ToArray()), block.Values.Values.ToArray());
    }

    private static string Hash(ReadOnlySpan<float> values) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values)));
}
