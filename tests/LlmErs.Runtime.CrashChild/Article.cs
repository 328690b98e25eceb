namespace LlmErs.Runtime.CrashChild;

/// <summary>The crash test's item: two LLM fields, one reading the other.</summary>
[Enrichable]
public partial class Article
{
    [ItemKey]
    public required int Id { get; init; }

    public required string Headline { get; init; }

    [LlmTags("Topics of: {{ headline }}", Vocabulary = ["politics", "science", "sport", "culture"], Min = 1, Max = 2)]
    public partial IReadOnlyList<string> Topics { get; set; }

    [LlmText("Teaser for a {{ topics | array.join ' and ' }} article: {{ headline }}", MaxWords = 15)]
    public partial string? Teaser { get; set; }

    public static IEnumerable<Article> Catalog(int count) =>
        Enumerable.Range(0, count).Select(i => new Article { Id = i, Headline = $"Headline number {i}" });
}
