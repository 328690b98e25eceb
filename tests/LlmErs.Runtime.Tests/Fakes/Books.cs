namespace LlmErs.Runtime.Tests.Fakes;

/// <summary>The test catalog's item: three independent LLM fields and one (Blurb) that depends on another (Genres).</summary>
[Enrichable]
public partial class Book
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    [LlmText("Summarize {{ title }}: {{ description }}", MaxWords = 30)]
    public partial string? Summary { get; set; }

    [LlmTags("Genres of {{ title }}: {{ description }}", Vocabulary = ["fantasy", "crime", "romance", "history"], Min = 1, Max = 2)]
    public partial IReadOnlyList<string> Genres { get; set; }

    [LlmValue("Is {{ title }} for children? {{ description }}")]
    public partial bool? ForChildren { get; set; }

    [LlmText("Write a blurb for {{ title }}, a {{ genres | array.join ', ' }} book.", MaxWords = 20)]
    public partial string? Blurb { get; set; }

    public static List<Book> Catalog(int count, string prefix = "b") =>
        [.. Enumerable.Range(0, count).Select(i => new Book { Id = $"{prefix}{i:D4}", Title = $"Title {i}", Description = $"Description of book {i}." })];
}

/// <summary><see cref="Book"/> with one more genre in the vocabulary: only Genres (and Blurb, which reads it) change.</summary>
[Enrichable]
public partial class BookWithPoetry
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    [LlmText("Summarize {{ title }}: {{ description }}", MaxWords = 30)]
    public partial string? Summary { get; set; }

    [LlmTags("Genres of {{ title }}: {{ description }}", Vocabulary = ["fantasy", "crime", "romance", "history", "poetry"], Min = 1, Max = 2)]
    public partial IReadOnlyList<string> Genres { get; set; }

    [LlmValue("Is {{ title }} for children? {{ description }}")]
    public partial bool? ForChildren { get; set; }

    [LlmText("Write a blurb for {{ title }}, a {{ genres | array.join ', ' }} book.", MaxWords = 20)]
    public partial string? Blurb { get; set; }
}

/// <summary><see cref="Book"/> with another Summary template: only Summary changes (nothing reads it).</summary>
[Enrichable]
public partial class BookResummarized
{
    [ItemKey]
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    [LlmText("In one sentence, summarize {{ title }}: {{ description }}", MaxWords = 30)]
    public partial string? Summary { get; set; }

    [LlmTags("Genres of {{ title }}: {{ description }}", Vocabulary = ["fantasy", "crime", "romance", "history"], Min = 1, Max = 2)]
    public partial IReadOnlyList<string> Genres { get; set; }

    [LlmValue("Is {{ title }} for children? {{ description }}")]
    public partial bool? ForChildren { get; set; }

    [LlmText("Write a blurb for {{ title }}, a {{ genres | array.join ', ' }} book.", MaxWords = 20)]
    public partial string? Blurb { get; set; }
}
