using LlmErs;

namespace LlmErs.Samples.Catalog;

/// <summary>
/// A user of the sample catalog: an LLM writes a taste profile from the history (user-history semanticization), the moods
/// the viewer enjoys and avoids, and the profile's embedding, which the two-tower model's user tower reads.
/// </summary>
/// <remarks>
/// The templates read the history's movies and their derived fields (<see cref="Movie.Moods"/>), so the movies are
/// enriched first; a changed history or a changed mood renders a different prompt, hence a different cache key.
/// The mood vocabularies are <see cref="Movie.Moods"/>' (a test keeps them equal), so a profile's moods compare with the movies'.
/// </remarks>
[Enrichable]
public partial class Viewer
{
    /// <summary>The most history entries a prompt lists.</summary>
    public const int PromptHistory = 30;

    [ItemKey]
    public required string Id { get; init; }

    /// <summary>What the viewer watched, most recent first, from training interactions only.</summary>
    public IReadOnlyList<HistoryEntry<Movie>> History { get; init; } = [];

    /// <summary>The taste profile, written from the history.</summary>
    [LlmText(
        "A viewer watched these movies, most recent first:{{ for h in history limit:30 }} {{ h.item.title }} ({{ h.item.genres | array.join ', ' }}; {{ h.item.moods | array.join ', ' }}){{ if h.rating }}, rated {{ h.rating }}/5{{ end }}.{{ end }} Describe their taste in movies.",
        MaxWords = 40,
        Description = "One or two sentences on what the viewer enjoys and avoids.")]
    public partial string? Profile { get; set; }

    /// <summary>Moods the viewer enjoys: those of the movies they watched and did not rate low.</summary>
    [LlmTags(
        "Which moods does a viewer enjoy who liked:{{ for h in history limit:30 }}{{ if h.rating == null || h.rating >= 3.5 }} {{ h.item.title }} ({{ h.item.moods | array.join ', ' }}).{{ end }}{{ end }}",
        Vocabulary = ["dark", "uplifting", "tense", "funny", "romantic", "thoughtful"],
        Min = 1,
        Max = 3)]
    public partial IReadOnlyList<string> LikedMoods { get; set; }

    /// <summary>Moods the viewer avoids: those of the movies they rated low (a log without ratings says little here).</summary>
    [LlmTags(
        "Which moods does a viewer avoid who rated these movies low:{{ for h in history limit:30 }}{{ if h.rating != null && h.rating <= 2.5 }} {{ h.item.title }} ({{ h.item.moods | array.join ', ' }}).{{ end }}{{ end }}",
        Vocabulary = ["dark", "uplifting", "tense", "funny", "romantic", "thoughtful"],
        Max = 2)]
    public partial IReadOnlyList<string> DislikedMoods { get; set; }

    /// <summary>The embedding of the profile, comparable with <see cref="Movie.Content"/>: the user tower's "user profile" block.</summary>
    [Embedding("{{ profile }} Enjoys: {{ liked_moods | array.join ', ' }}. Avoids: {{ disliked_moods | array.join ', ' }}.", Dimensions = 384)]
    public partial ReadOnlyMemory<float> Taste { get; set; }
}
