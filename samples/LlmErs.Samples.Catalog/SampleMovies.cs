namespace LlmErs.Samples.Catalog;

/// <summary>A few synthetic movies (invented for the samples; no real titles) to run the pipeline on with no data download.</summary>
public static class SampleMovies
{
    /// <summary>The bundled movies.</summary>
    public static IReadOnlyList<Movie> All { get; } =
    [
        new() { Id = "m1", Title = "Harbor Lights", Year = 1998, Genres = ["Drama", "Romance"], Overview = "Two lighthouse keepers fall in love over a stormy winter on a remote island." },
        new() { Id = "m2", Title = "Circuit Breakers", Year = 2021, Genres = ["Action", "Sci-Fi"], Overview = "A rogue engineer races to stop a city-wide blackout engineered by a rival AI." },
        new() { Id = "m3", Title = "The Lantern Fox", Year = 2010, Genres = ["Animation", "Family"], Overview = "A young fox carries a magic lantern through an enchanted forest to find her family." },
        new() { Id = "m4", Title = "Quiet Accounts", Genres = ["Documentary"], Overview = null },
        new() { Id = "m5", Title = "Midnight Ledger", Year = 1987, Genres = ["Crime", "Thriller"], Overview = "A bookkeeper discovers that her firm launders money for a ruthless cartel." },
    ];
}
