namespace LlmErs.Tests;

/// <summary>A fact that needs the shared MovieLens copy and is skipped, saying why, when it is absent.</summary>
public sealed class MovieLensFactAttribute : FactAttribute
{
    public MovieLensFactAttribute()
    {
        if (MovieLensFolder.Path is null)
        {
            Skip = "MovieLens data not found: expected ../shared/data/movielens-latest-small/ratings.csv next to the folder holding LlmErs.sln (research licence; never copied into the repository).";
        }
    }
}
