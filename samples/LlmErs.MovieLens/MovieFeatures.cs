using LlmErs.Ablation;
using LlmErs.Data;
using LlmErs.Vectors;

namespace LlmErs.MovieLens;

/// <summary>
/// The feature blocks of one split, one row per item in the split's item-index order: the text embedding, the genres
/// as a multi-hot, and optionally the user tags of training interactions as a multi-hot. Owns the matrices.
/// </summary>
internal sealed class MovieFeatures : IDisposable
{
    // A tag on a single movie identifies it rather than describing it; it cannot transfer to another item.
    private const int MinMoviesPerTag = 2;

    private readonly List<VectorMatrix> _matrices = [];

    private MovieFeatures()
    {
    }

    public List<FeatureBlock> Blocks { get; } = [];

    public static MovieFeatures Create(MovieLensDataset data, DataSplit split, VectorStore embeddings, bool useTags)
    {
        var movies = data.Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);
        var items = split.ItemIds.Keys.Select(id => movies.TryGetValue(id, out var movie)
            ? movie
            : throw new InvalidDataException($"Movie {id} is rated in ratings.csv but missing from movies.csv.")).ToArray();
        var features = new MovieFeatures();
        features.Add("text embedding", Rows(items, embeddings.Dimension, (movie, row) => embeddings.GetVector(movie.Id).CopyTo(row)));
        features.Add("genres", MultiHot(items, movie => movie.Genres));
        if (useTags)
        {
            var tags = data.LoadTrainingTags(split.Train);
            features.Add("tags", MultiHot(items, movie => tags.TryGetValue(movie.Id, out var movieTags) ? movieTags : [], MinMoviesPerTag));
        }

        return features;
    }

    public void Dispose()
    {
        foreach (var matrix in _matrices)
        {
            matrix.Dispose();
        }
    }

    private void Add(string name, VectorMatrix values)
    {
        _matrices.Add(values);
        Blocks.Add(new FeatureBlock(name, values));
    }

    /// <summary>One column per label used by at least <paramref name="minMovies"/> of the items, case-insensitive.</summary>
    private static VectorMatrix MultiHot(MovieLensMovie[] items, Func<MovieLensMovie, IReadOnlyList<string>> labels, int minMovies = 1)
    {
        var vocabulary = items
            .SelectMany(movie => labels(movie).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(label => label, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() >= minMovies)
            .Select(group => group.Key)
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select((label, column) => (label, column))
            .ToDictionary(entry => entry.label, entry => entry.column, StringComparer.OrdinalIgnoreCase);
        return Rows(items, Math.Max(vocabulary.Count, 1), (movie, row) =>
        {
            foreach (var label in labels(movie))
            {
                if (vocabulary.TryGetValue(label, out var column))
                {
                    row[column] = 1;
                }
            }
        });
    }

    private static VectorMatrix Rows(MovieLensMovie[] items, int dimension, RowWriter write)
    {
        var values = new float[items.Length * dimension];
        for (var i = 0; i < items.Length; i++)
        {
            write(items[i], values.AsSpan(i * dimension, dimension));
        }

        return VectorMatrix.Create(values, dimension);
    }

    private delegate void RowWriter(MovieLensMovie movie, Span<float> row);
}
