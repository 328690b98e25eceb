using System.Globalization;
using System.Text.RegularExpressions;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// Reads the MovieLens CSV files (<c>ratings.csv</c>, <c>movies.csv</c>, <c>tags.csv</c>, as in ml-latest-small and
/// ml-25m): ratings become an <see cref="InteractionLog"/> keyed by <c>userId</c> and <c>movieId</c>, with ratings
/// and Unix-second timestamps.
/// </summary>
/// <remarks>
/// User tags are deliberately not loaded with the rest: they were written by the same users whose ratings are tested,
/// so tags from test interactions leak the answer. <see cref="LoadTrainingTags(InteractionLog, CancellationToken)"/> loads them only for
/// the (user, movie) pairs of a training log.
/// </remarks>
public sealed partial class MovieLensDataset
{
    private static readonly InteractionFileOptions RatingColumns = new()
    {
        UserColumn = "userId",
        ItemColumn = "movieId",
        TimestampColumn = "timestamp",
        RatingColumn = "rating",
    };

    private MovieLensDataset(string directory, InteractionLog ratings, IReadOnlyList<MovieLensMovie> movies)
    {
        Directory = directory;
        Ratings = ratings;
        Movies = movies;
    }

    /// <summary>The folder the files were read from.</summary>
    public string Directory { get; }

    /// <summary>The ratings (0.5–5 stars) as read, one interaction per line; item keys are <c>movieId</c>s.</summary>
    public InteractionLog Ratings { get; }

    /// <summary>Every movie of <c>movies.csv</c>, rated or not, in file order.</summary>
    public IReadOnlyList<MovieLensMovie> Movies { get; }

    /// <summary>Reads <c>ratings.csv</c> and <c>movies.csv</c> from <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFormatException">A file is malformed.</exception>
    public static MovieLensDataset Load(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The MovieLens folder '{Path.GetFullPath(directory)}' does not exist; point to the folder that holds ratings.csv and movies.csv.");
        }

        var ratings = ReadRatings(Path.Combine(directory, "ratings.csv"), cancellationToken);
        using var movies = DataFiles.OpenCsv(Path.Combine(directory, "movies.csv"));
        return new MovieLensDataset(directory, ratings, ReadMovies(movies, cancellationToken));
    }

    /// <summary>Reads a <c>ratings.csv</c> (<c>userId,movieId,rating,timestamp</c>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    public static InteractionLog ReadRatings(string path, CancellationToken cancellationToken = default) =>
        InteractionFileLoader.LoadCsv(path, RatingColumns, cancellationToken);

    /// <summary>Reads <c>movies.csv</c> text (<c>movieId,title,genres</c>; titles quoted when they hold commas).</summary>
    /// <exception cref="DataFormatException">The text is malformed.</exception>
    public static IReadOnlyList<MovieLensMovie> ReadMovies(TextReader reader, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = DataFiles.Csv(reader, sourceName);
        return ReadMovies(csv, cancellationToken);
    }

    /// <summary>
    /// Reads <c>tags.csv</c> from this dataset's folder, keeping only the tags whose (user, movie) pair is an
    /// interaction of <paramref name="train"/>, so that no tag comes from a validation or test interaction.
    /// </summary>
    /// <returns>For each movie with kept tags (keyed by <c>movieId</c>): its distinct tags (case-insensitive, trimmed), most used first, then alphabetical.</returns>
    /// <exception cref="FileNotFoundException">The folder has no tags.csv.</exception>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LoadTrainingTags(InteractionLog train, CancellationToken cancellationToken = default)
    {
        using var reader = DataFiles.OpenCsv(Path.Combine(Directory, "tags.csv"));
        return ReadTrainingTags(reader, train, cancellationToken);
    }

    /// <summary>Reads <c>tags.csv</c> text (<c>userId,movieId,tag,timestamp</c>) keeping only tags of <paramref name="train"/>'s (user, movie) pairs; see <see cref="LoadTrainingTags(InteractionLog, CancellationToken)"/>.</summary>
    /// <exception cref="DataFormatException">The text is malformed.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadTrainingTags(TextReader reader, string sourceName, InteractionLog train, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = DataFiles.Csv(reader, sourceName);
        return ReadTrainingTags(csv, train, cancellationToken);
    }

    /// <summary>Splits a MovieLens title into the title and the year of its "(1995)" or "(2006–2007)" suffix.</summary>
    internal static (string Title, int? Year) ParseTitle(string text)
    {
        var match = TitleWithYear().Match(text.Trim());
        return match.Success
            ? (match.Groups["title"].Value, int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture))
            : (text.Trim(), null);
    }

    private static List<MovieLensMovie> ReadMovies(CsvReader csv, CancellationToken cancellationToken)
    {
        string[] names = ["movieId", "title", "genres"];
        var columns = csv.ReadHeader(names);
        var movies = new List<MovieLensMovie>();
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.RequireFields(columns, names);
            var id = csv[columns[0]].Trim();
            if (id.IsEmpty)
            {
                throw csv.Error("movieId", "The id is empty. Fill it in or remove the line.");
            }

            var (title, year) = ParseTitle(csv[columns[1]].ToString());
            movies.Add(new MovieLensMovie(id.ToString(), title, year, ParseGenres(csv[columns[2]])));
        }

        return movies;
    }

    private static string[] ParseGenres(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text.SequenceEqual("(no genres listed)"))
        {
            return [];
        }

        var genres = new List<string>();
        foreach (var range in text.Split('|'))
        {
            var genre = text[range].Trim();
            if (!genre.IsEmpty)
            {
                genres.Add(genre.ToString());
            }
        }

        return [.. genres];
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadTrainingTags(CsvReader csv, InteractionLog train, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        var pairs = UserItemMatrix.Create(train);
        string[] names = ["userId", "movieId", "tag"];
        var columns = csv.ReadHeader(names);
        var counts = new Dictionary<string, Dictionary<string, (string Text, int Count)>>(StringComparer.Ordinal);
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.RequireFields(columns, names);
            var user = csv[columns[0]].Trim().ToString();
            var movie = csv[columns[1]].Trim().ToString();
            var tag = csv[columns[2]].Trim().ToString();
            if (tag.Length == 0
                || !train.UserIds.TryGetIndex(user, out var userIndex)
                || !train.ItemIds.TryGetIndex(movie, out var itemIndex)
                || !pairs.Contains(userIndex, itemIndex))
            {
                continue;
            }

            if (!counts.TryGetValue(movie, out var tags))
            {
                counts[movie] = tags = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
            }

            tags[tag] = tags.TryGetValue(tag, out var seen) ? (seen.Text, seen.Count + 1) : (tag, 1);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(counts.Count, StringComparer.Ordinal);
        foreach (var (movie, tags) in counts)
        {
            result[movie] = tags.Values
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.Text, StringComparer.OrdinalIgnoreCase)
                .ThenBy(t => t.Text, StringComparer.Ordinal)
                .Select(t => t.Text)
                .ToArray();
        }

        return result;
    }

    [GeneratedRegex(@"^(?<title>.*?)\s*\((?<year>\d{4})(?:\s*[-–]\s*\d{0,4})?\)$")]
    private static partial Regex TitleWithYear();
}
