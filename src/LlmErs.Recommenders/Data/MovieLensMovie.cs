namespace LlmErs.Recommenders;

/// <summary>A movie of MovieLens' <c>movies.csv</c>.</summary>
/// <param name="Id">The <c>movieId</c>, as in the item keys of the ratings log.</param>
/// <param name="Title">The title without the trailing year, e.g. <c>American President, The</c>.</param>
/// <param name="Year">The release year from the title's "(1995)" suffix (the first year of a range such as "(2006–2007)"), when present.</param>
/// <param name="Genres">The genres; empty for "(no genres listed)".</param>
public sealed record MovieLensMovie(string Id, string Title, int? Year, IReadOnlyList<string> Genres);
