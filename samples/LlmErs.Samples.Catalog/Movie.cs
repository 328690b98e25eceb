using LlmErs;

namespace LlmErs.Samples.Catalog;

/// <summary>A movie of the sample catalog, with the fields an LLM derives for it offline.</summary>
[Enrichable]
public partial class Movie
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public int? Year { get; init; }

    public IReadOnlyList<string> Genres { get; init; } = [];

    public string? Overview { get; init; }

    /// <summary>Who would enjoy the movie: knowledge an LLM writes from the catalog text.</summary>
    [LlmText(
        "Who would enjoy {{ title }}{{ if year }} ({{ year }}){{ end }}? Genres: {{ genres | array.join ', ' }}.{{ if overview }} Plot: {{ overview }}{{ end }}",
        MaxWords = 40,
        Description = "One sentence naming the audience and why.",
        BlockedWords = ["masterpiece", "must see", "best movie ever"])]
    public partial string? Pitch { get; set; }

    /// <summary>Moods from a closed vocabulary.</summary>
    [LlmTags(
        "Which moods fit {{ title }}? {{ overview }}",
        Vocabulary = ["dark", "uplifting", "tense", "funny", "romantic", "thoughtful"],
        Min = 1,
        Max = 3)]
    public partial IReadOnlyList<string> Moods { get; set; }

    /// <summary>A typed slot; null means the model could not tell.</summary>
    [LlmValue(
        "Is {{ title }} suitable for children under 10? Genres: {{ genres | array.join ', ' }}. {{ overview }}",
        Instructions = "Answer null when the text does not say enough to decide.")]
    public partial bool? FamilyFriendly { get; set; }

    /// <summary>An enum slot.</summary>
    [LlmValue("How fast is the pacing of {{ title }}? {{ overview }}")]
    public partial Pace? Pacing { get; set; }

    /// <summary>Free text normalized to a canonical vocabulary.</summary>
    [LlmNormalize(
        "Where is {{ title }} mainly set? {{ overview }}",
        Vocabulary = ["City", "Countryside", "Sea", "Space", "Fantasy world", "Other"])]
    public partial string? Setting { get; set; }

    /// <summary>
    /// Knowledge-graph triples about the movie (the movie is the head): each relation's tails normalized to its declared
    /// entities. The triples go to <c>triples.parquet</c> and, as a multi-hot per relation, to the "KG entities" block.
    /// </summary>
    [LlmTriples(
        "Which facts hold for {{ title }}{{ if year }} ({{ year }}){{ end }}? Genres: {{ genres | array.join ', ' }}.{{ if overview }} Plot: {{ overview }}{{ end }}",
        Max = 6,
        Instructions = "State only facts the title, genres or plot support; use each relation at most twice.")]
    [LlmRelation("has_theme", Entities = ["love", "friendship", "family", "revenge", "survival", "crime", "justice", "war", "magic", "exploration", "coming of age", "humor"])]
    [LlmRelation("set_in", Entities = ["outer space", "the sea", "a big city", "the countryside", "a fantasy realm", "the past", "the future"])]
    [LlmRelation("suits_audience", Entities = ["young children", "families", "teenagers", "adults", "mature audiences"])]
    public partial IReadOnlyList<KgTriple> Facts { get; set; }

    /// <summary>The text embedding of the catalog text and the derived fields.</summary>
    [Embedding("{{ title }}. {{ genres | array.join ', ' }}. {{ pitch }} Moods: {{ moods | array.join ', ' }}.", Dimensions = 384)]
    public partial ReadOnlyMemory<float> Content { get; set; }

    /// <summary>The semantic ID of <see cref="Content"/>; its levels and codes are sized from the catalog.</summary>
    [SemanticId(nameof(Content))]
    public partial SemanticId Sid { get; set; }
}

/// <summary>Pacing of a movie.</summary>
public enum Pace
{
    /// <summary>Slow and contemplative.</summary>
    Slow,
    /// <summary>Even.</summary>
    Steady,
    /// <summary>Fast and action-driven.</summary>
    Fast,
}
