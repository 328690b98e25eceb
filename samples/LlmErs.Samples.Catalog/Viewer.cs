using LlmErs;

namespace LlmErs.Samples.Catalog;

/// <summary>A user of the sample catalog: an LLM writes a taste profile from the history (user-history semanticization).</summary>
[Enrichable]
public partial class Viewer
{
    [ItemKey]
    public required string Id { get; init; }

    /// <summary>Titles the viewer watched, most recent first.</summary>
    public IReadOnlyList<string> RecentTitles { get; init; } = [];

    /// <summary>The taste profile, written from the history.</summary>
    [LlmText("A viewer recently watched: {{ recent_titles | array.join '; ' }}. Describe their taste in movies.", MaxWords = 30)]
    public partial string? Profile { get; set; }

    /// <summary>The embedding of the profile and history, comparable with <see cref="Movie.Content"/>.</summary>
    [Embedding("{{ profile }} Recently watched: {{ recent_titles | array.join '; ' }}.", Dimensions = 384)]
    public partial ReadOnlyMemory<float> Taste { get; set; }
}
