namespace LlmErs.Samples.Catalog.Synthetic;

/// <summary>
/// A synthetic catalog and interaction log with a known latent structure, so the pipeline runs anywhere with no data
/// download. Every movie belongs to one theme (space, sea, crime, family, fantasy, comedy) that shapes its title,
/// genres and overview; every viewer prefers one or two themes and mostly watches movies of those, with a popularity
/// skew inside each theme. The text therefore carries the signal an LLM-enhanced recommender can use, and the newest
/// movies have few or no interactions: cold items. The data is invented; no title is real.
/// </summary>
public sealed class SyntheticCatalog
{
    private readonly int _seed;

    private SyntheticCatalog(IReadOnlyList<Movie> movies, IReadOnlyList<string> themes, IReadOnlyList<Viewing> viewings, int seed)
    {
        _seed = seed;
        Movies = movies;
        MovieThemes = themes;
        Viewings = viewings;
    }

    /// <summary>The movies.</summary>
    public IReadOnlyList<Movie> Movies { get; }

    /// <summary>The latent theme of each movie, in <see cref="Movies"/> order (ground truth, for inspection only).</summary>
    public IReadOnlyList<string> MovieThemes { get; }

    /// <summary>Who watched what and when, in time order.</summary>
    public IReadOnlyList<Viewing> Viewings { get; }

    /// <summary>Generates a catalog; the same arguments give the same catalog.</summary>
    public static SyntheticCatalog Generate(int movies = 360, int viewers = 240, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(movies, Theme.All.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(viewers, 1);
        var random = new Random(seed);
        var catalog = new List<Movie>(movies);
        var themes = new List<string>(movies);
        var usedTitles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < movies; i++)
        {
            var theme = Theme.All[i % Theme.All.Count];
            catalog.Add(new Movie
            {
                Id = $"m{i + 1:D4}",
                Title = Title(theme, random, usedTitles),
                Year = 1970 + (i * 53 / movies) + random.Next(3),
                Genres = theme.Genres,
                Overview = Overview(theme, random),
            });
            themes.Add(theme.Name);
        }

        return new SyntheticCatalog(catalog, themes, Simulate(catalog, themes, viewers, random), seed);
    }

    /// <summary>
    /// Each movie's poster, a PNG in <see cref="Movies"/> order, whose colours and shapes follow the movie's latent theme
    /// (see <c>PosterPainter</c>). The same catalog seed gives the same bytes; painting does not change the catalog.
    /// </summary>
    public IReadOnlyList<byte[]> PaintPosters()
    {
        // A source of its own, so that the posters never shift the titles, overviews and viewings drawn from the seed.
        var random = new Random(unchecked((_seed * 7919) + 0x5EED));
        return [.. MovieThemes.Select(theme => PosterPainter.Paint(theme, random))];
    }

    private static string Title(Theme theme, Random random, HashSet<string> used)
    {
        string[] openers = ["The", "Last", "Beyond the", "Return of the", "Secret of the", "Night of the"];
        while (true)
        {
            var title = $"{Pick(openers, random)} {Pick(theme.TitleWords, random)}";
            if (used.Add(title))
            {
                return title;
            }

            title = $"{title} {used.Count % 9 + 2}";
            if (used.Add(title))
            {
                return title;
            }
        }
    }

    private static string Overview(Theme theme, Random random) =>
        $"{Capitalize(Pick(theme.Heroes, random))} {Pick(theme.Plots, random)} {Pick(theme.Places, random)}.";

    /// <summary>
    /// Each viewer prefers one or two themes; within a theme, earlier (older) movies are more popular, so the newest
    /// ones stay cold. Timestamps grow with each viewing.
    /// </summary>
    private static List<Viewing> Simulate(List<Movie> movies, List<string> themes, int viewers, Random random)
    {
        var byTheme = Theme.All.ToDictionary(t => t.Name, t => Enumerable.Range(0, movies.Count).Where(i => themes[i] == t.Name).ToArray());
        var viewings = new List<Viewing>();
        var clock = 1_600_000_000L;
        for (var v = 0; v < viewers; v++)
        {
            var favorite = Theme.All[random.Next(Theme.All.Count)].Name;
            var second = Theme.All[random.Next(Theme.All.Count)].Name;
            var count = 6 + random.Next(30);
            var seen = new HashSet<int>();
            for (var k = 0; k < count; k++)
            {
                var roll = random.NextDouble();
                var pool = roll < 0.65 ? byTheme[favorite] : roll < 0.9 ? byTheme[second] : byTheme[Theme.All[random.Next(Theme.All.Count)].Name];
                // Squaring a uniform draw skews towards the start of the pool: the older, more popular movies.
                var index = pool[(int)(Math.Pow(random.NextDouble(), 2.2) * pool.Length)];
                if (seen.Add(index))
                {
                    viewings.Add(new Viewing($"u{v + 1:D3}", movies[index].Id, clock += 60 + random.Next(3600)));
                }
            }
        }

        viewings.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return viewings;
    }

    private static string Pick(string[] options, Random random) => options[random.Next(options.Length)];

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>One interaction of the synthetic log.</summary>
public sealed record Viewing(string ViewerId, string MovieId, long Timestamp);
