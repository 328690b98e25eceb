using LlmErs;

namespace LlmErs.Samples.Catalog;

/// <summary>The serving-time score of a movie for a viewer, generated at build time: no LLM at request time.</summary>
public static partial class MovieScoring
{
    /// <summary>Taste/content similarity, nudged towards family-friendly movies.</summary>
    [Scorer]
    [Similarity(nameof(Viewer.Taste), nameof(Movie.Content))]
    [FeatureWeight(nameof(Movie.FamilyFriendly), 0.05)]
    public static partial float Score(Viewer viewer, Movie movie);
}
