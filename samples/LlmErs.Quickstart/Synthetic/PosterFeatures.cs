using LlmErs.Local;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace LlmErs.Quickstart.Synthetic;

/// <summary>
/// The "image" feature block of the synthetic ablation: each movie's poster embedded with the offline ResNet18 model,
/// then mapped into the text-embedding space by a ridge map fitted on the movies that have both a poster and a content
/// vector, so the block speaks the text block's language and a movie with only a poster still gets a vector there.
/// </summary>
internal static class PosterFeatures
{
    /// <summary>
    /// One row per movie of <paramref name="movies"/>, in its order: the poster's vector mapped into the content space.
    /// The poster vectors are cached in the output folder's cache, so a rerun embeds only posters it has not seen.
    /// </summary>
    public static async Task<VectorMatrix> CreateAsync(
        IReadOnlyList<Movie> movies, IReadOnlyDictionary<string, byte[]> posters, EmbeddingField<Movie> content, string outputDirectory, CancellationToken cancellationToken)
    {
        await using var cache = new SqliteEnrichmentCache(Path.Combine(outputDirectory, Pipeline.CacheFileName));
        using var generator = new CachedImageEmbeddingGenerator(new ResNet18ImageEmbeddingGenerator(), cache);
        var images = await generator.GenerateAsync(
            movies.Select(movie => new DataContent(posters[movie.Id], "image/png") { Name = $"poster of {movie.Id}" }), cancellationToken: cancellationToken);
        var imageVectors = images.Select(e => e.Vector).ToArray();
        var textVectors = movies.Select(content.GetVector).ToArray();
        var paired = Enumerable.Range(0, movies.Count).Where(i => !textVectors[i].IsEmpty).ToArray();
        var alignment = LinearAlignment.Fit([.. paired.Select(i => imageVectors[i])], [.. paired.Select(i => textVectors[i])]);

        var values = new float[movies.Count * alignment.TargetDimensions];
        var agreement = 0.0;
        for (var i = 0; i < movies.Count; i++)
        {
            var row = values.AsSpan(i * alignment.TargetDimensions, alignment.TargetDimensions);
            alignment.Map(imageVectors[i].Span, row);
            VectorMath.Normalize(row);
            agreement += textVectors[i].IsEmpty ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(row, textVectors[i].Span);
        }

        AnsiConsole.MarkupLine(
            $"Posters: {movies.Count} vectors of {ResNet18ImageEmbeddingGenerator.ModelId} ({ResNet18ImageEmbeddingGenerator.Dimensions}-d, kept in {Pipeline.CacheFileName}), mapped into the " +
            $"{alignment.TargetDimensions}-d content space by a ridge map fitted on {alignment.Pairs} movies with both; mean cosine to the content vector {agreement / Math.Max(1, paired.Length):F3}.");
        return VectorMatrix.Create(values, alignment.TargetDimensions);
    }
}
