using System.IO.Hashing;
using System.Text;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;
using Spectre.Console;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The MiniLM embedding of each movie's catalog text, "title (year). genres", with none of the enriched fields: the
/// ablation's text block, kept apart from the LLM slots so that each can be removed alone. Cached in the output folder
/// under a name that hashes every text, so a rerun loads the file and a change of data or text embeds again.
/// </summary>
internal static class MovieEmbeddings
{
    // The model sorts a call's texts by length before padding them to one another: calls of 256 padded these short
    // texts 16%, calls of 1,024 5%.
    private const int ChunkSize = 1024;

    public static string Text(Movie movie) =>
        $"{movie.Title}{(movie.Year is { } year ? $" ({year})" : "")}. {string.Join(", ", movie.Genres)}";

    public static async Task<VectorStore> LoadOrCreateAsync(
        IReadOnlyList<Movie> movies, MiniLmEmbeddingGenerator generator, string directory, CancellationToken cancellationToken)
    {
        var texts = movies.Select(Text).ToArray();
        var path = Path.Combine(directory, $"movies-{MiniLmEmbeddingGenerator.ModelId}-{Hash(movies, texts)}.vec");
        var cached = TryOpen(path);
        if (cached is null)
        {
            using var builder = new VectorStoreBuilder(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions, texts.Length);
            await ConsoleOutput.WithProgressAsync("Embedding \"title (year). genres\"", texts.Length, async progress =>
            {
                for (var start = 0; start < texts.Length; start += ChunkSize)
                {
                    var chunk = texts[start..Math.Min(start + ChunkSize, texts.Length)];
                    var embeddings = await generator.GenerateAsync(chunk, cancellationToken: cancellationToken);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        builder.Add(movies[start + i].Id, embeddings[i].Vector.Span);
                    }

                    progress(start + chunk.Length);
                }

                return texts.Length;
            });
            using var store = builder.Build();
            store.Save(path);
        }

        AnsiConsole.MarkupLine($"Text embeddings of the catalog text (e.g. \"{Markup.Escape(texts[0])}\"): {Markup.Escape(Path.GetFileName(path))}");
        return cached ?? Open(path);
    }

    /// <summary>The cached store, or null when there is none or it cannot be read (damaged, or an older file format).</summary>
    private static VectorStore? TryOpen(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Open(path);
        }
        catch (InvalidDataException e)
        {
            AnsiConsole.MarkupLine($"[yellow]The cached text embeddings cannot be used ({Markup.Escape(e.Message)}); embedding again.[/]");
            return null;
        }
    }

    private static VectorStore Open(string path) =>
        VectorStore.Open(path, new VectorStoreOpenOptions { ExpectedModelId = MiniLmEmbeddingGenerator.ModelId });

    private static string Hash(IReadOnlyList<Movie> movies, string[] texts)
    {
        var hash = new XxHash64();
        for (var i = 0; i < texts.Length; i++)
        {
            hash.Append(Encoding.UTF8.GetBytes($"{movies[i].Id}\t{texts[i]}\n"));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
