using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using LlmErs.Data;
using LlmErs.Local;
using LlmErs.Vectors;

namespace LlmErs.MovieLens;

/// <summary>
/// The MiniLM embedding of each movie's "title (year). genres", cached in the output folder under a name that hashes
/// every text, so a rerun loads the file and a change of data or text embeds again.
/// </summary>
internal static class MovieEmbeddings
{
    private const int ChunkSize = 256;

    public static string Text(MovieLensMovie movie) =>
        $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}. {string.Join(", ", movie.Genres)}";

    public static async Task<VectorStore> LoadOrCreateAsync(IReadOnlyList<MovieLensMovie> movies, string directory, CancellationToken cancellationToken)
    {
        var texts = movies.Select(Text).ToArray();
        var path = Path.Combine(directory, $"movies-{MiniLmEmbeddingGenerator.ModelId}-{Hash(movies, texts)}.vec");
        if (File.Exists(path))
        {
            Console.WriteLine($"Embeddings: cached in {path}");
            return VectorStore.Open(path, new VectorStoreOpenOptions { ExpectedModelId = MiniLmEmbeddingGenerator.ModelId });
        }

        Console.WriteLine($"Embeddings: {texts.Length:N0} movies with {MiniLmEmbeddingGenerator.ModelId} (offline), e.g. \"{texts[0]}\"");
        var stopwatch = Stopwatch.StartNew();
        using var generator = new MiniLmEmbeddingGenerator();
        using var builder = new VectorStoreBuilder(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions, texts.Length);
        for (var start = 0; start < texts.Length; start += ChunkSize)
        {
            var chunk = texts[start..Math.Min(start + ChunkSize, texts.Length)];
            var embeddings = await generator.GenerateAsync(chunk, cancellationToken: cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                builder.Add(movies[start + i].Id, embeddings[i].Vector.Span);
            }

            Console.Write($"\r  {start + chunk.Length,6:N0} / {texts.Length:N0}  ({(start + chunk.Length) / stopwatch.Elapsed.TotalSeconds:N0} per second)");
        }

        Console.WriteLine();
        Directory.CreateDirectory(directory);
        using var store = builder.Build();
        store.Save(path);
        return VectorStore.Open(path);
    }

    private static string Hash(IReadOnlyList<MovieLensMovie> movies, string[] texts)
    {
        var hash = new XxHash64();
        for (var i = 0; i < texts.Length; i++)
        {
            hash.Append(Encoding.UTF8.GetBytes($"{movies[i].Id}\t{texts[i]}\n"));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
