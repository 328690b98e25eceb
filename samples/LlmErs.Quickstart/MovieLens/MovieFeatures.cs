using LlmErs.Recommenders;
using LlmErs.Samples.Catalog;
using LlmErs.Vectors;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// The feature blocks of one split, one row per item in the split's item-index order: the text embedding of the catalog
/// text (its leading principal components, <see cref="EmbeddingBlocks"/>), the genres as a multi-hot, the LLM slots (every enriched field with a closed set of answers), the "KG entities"
/// (the knowledge-graph triples as a multi-hot of tails per relation), and optionally the user tags of training
/// interactions as a multi-hot. Owns the matrices.
/// </summary>
internal sealed class MovieFeatures : IDisposable
{
    public const string TextEmbedding = "text embedding";
    public const string Genres = "genres";
    public const string LlmSlots = "LLM slots";
    public const string Tags = "tags";
    public const string KgEntities = "KG entities";

    /// <summary>The triples field whose tails per relation make the <see cref="KgEntities"/> block.</summary>
    public static LlmField<Movie, IReadOnlyList<KgTriple>> TriplesField { get; } =
        (LlmField<Movie, IReadOnlyList<KgTriple>>)EnrichmentModel.Of<Movie>().Field(nameof(Movie.Facts));

    /// <summary>The LLM fields with a closed set of answers (tags, choices, booleans): those of the <see cref="LlmSlots"/> block.</summary>
    public static IReadOnlyList<LlmField<Movie>> SlotFields { get; } =
        [.. EnrichmentModel.Of<Movie>().LlmFields.Where(field => field.Constraints.IsClosed)];

    // A tag on a single movie identifies it rather than describing it; it cannot transfer to another item.
    private const int MinMoviesPerTag = 2;

    private MovieFeatures()
    {
    }

    public List<FeatureBlock> Blocks { get; } = [];

    /// <param name="split">The split whose items give the rows.</param>
    /// <param name="movies">The enriched catalog by id; it holds every item of the split.</param>
    /// <param name="embeddings">The text embedding of every movie.</param>
    /// <param name="tags">Each movie's tags from training interactions only; null for no tag block.</param>
    public static MovieFeatures Create(
        DataSplit split, IReadOnlyDictionary<string, Movie> movies, VectorStore embeddings, IReadOnlyDictionary<string, IReadOnlyList<string>>? tags)
    {
        Movie[] items = [.. split.ItemIds.Keys.Select(id => movies[id])];
        var features = new MovieFeatures();
        features.Add(TextEmbedding, EmbeddingBlocks.Reduce(Rows(items, embeddings.Dimension, (movie, row) => embeddings.GetVector(movie.Id).CopyTo(row))));
        features.Add(Genres, MultiHot(items, movie => movie.Genres));
        features.Add(LlmSlots, FieldFeatures.Answers(items, SlotFields).Values);
        features.Add(KgEntities, EntityFeatures.Triples(items, TriplesField).Values);
        if (tags is not null)
        {
            features.Add(Tags, MultiHot(items, movie => tags.TryGetValue(movie.Id, out var movieTags) ? movieTags : [], MinMoviesPerTag));
        }

        return features;
    }

    public void Dispose()
    {
        foreach (var block in Blocks)
        {
            block.Values.Dispose();
        }
    }

    private void Add(string name, VectorMatrix values) => Blocks.Add(new FeatureBlock(name, values));

    /// <summary>One column per label used by at least <paramref name="minMovies"/> of the items, case-insensitive.</summary>
    private static VectorMatrix MultiHot(Movie[] items, Func<Movie, IReadOnlyList<string>> labels, int minMovies = 1)
    {
        string[] vocabulary =
        [
            .. items
                .SelectMany(movie => labels(movie).Distinct(StringComparer.OrdinalIgnoreCase))
                .GroupBy(label => label, StringComparer.OrdinalIgnoreCase)
                .Where(group => group.Count() >= minMovies)
                .Select(group => group.Key)
                .Order(StringComparer.OrdinalIgnoreCase),
        ];
        var columns = vocabulary.Select((label, column) => (label, column)).ToDictionary(entry => entry.label, entry => entry.column, StringComparer.OrdinalIgnoreCase);
        // A block needs a column even when no label is used often enough.
        return Rows(items, Math.Max(columns.Count, 1), (movie, row) =>
        {
            foreach (var label in labels(movie))
            {
                if (columns.TryGetValue(label, out var column))
                {
                    row[column] = 1;
                }
            }
        });
    }

    private static VectorMatrix Rows(Movie[] items, int width, Action<Movie, Span<float>> fill)
    {
        var values = new float[items.Length * width];
        for (var i = 0; i < items.Length; i++)
        {
            fill(items[i], values.AsSpan(i * width, width));
        }

        return VectorMatrix.Create(values, width);
    }
}
