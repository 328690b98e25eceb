using LlmErs;

namespace LlmErs.Benchmarks.Enrichment;

// This project does not run the source generator, so the benchmark item types build their models by hand, the way
// generated code does: straight-line prompt rendering and AnswerReader-based parsing.

/// <summary>A catalog item with three LLM fields: free text, tags, a boolean slot.</summary>
public sealed class Product : IEnrichable<Product>
{
    private static readonly string[] s_tags = ["outdoor", "kitchen", "garden", "office", "toys"];

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public string Summary { get; set; } = "";

    public IReadOnlyList<string> Tags { get; set; } = [];

    public bool? Fragile { get; set; }

    public static EnrichmentModel<Product> EnrichmentModel { get; } = new(
        nameof(Product), nameof(Id), static p => p.Id,
        [
            new DelegateField<Product, string>(nameof(Summary), FieldKind.Text,
                """{"type":"object","properties":{"value":{"type":"string","minLength":1,"description":"At most 30 words."}},"required":["value"],"additionalProperties":false}""",
                AnswerConstraints.Text(30),
                static p => $"Summarize {p.Name}: {p.Description}", static a => AnswerReader.ReadText(a, 30), static v => AnswerReader.Format(v),
                static p => p.Summary, static (p, v) => p.Summary = v),
            new DelegateField<Product, IReadOnlyList<string>>(nameof(Tags), FieldKind.Tags,
                """{"type":"object","properties":{"value":{"type":"array","items":{"type":"string","enum":["outdoor","kitchen","garden","office","toys"]},"minItems":1,"maxItems":2,"uniqueItems":true}},"required":["value"],"additionalProperties":false}""",
                AnswerConstraints.Tags(s_tags, 1, 2),
                static p => $"Tags of {p.Name}: {p.Description}", static a => AnswerReader.ReadTags(a, s_tags, 1, 2), static v => AnswerReader.Format(v),
                static p => p.Tags, static (p, v) => p.Tags = v),
            BooleanField<Product>(nameof(Fragile), static p => $"Is {p.Name} fragile? {p.Description}", static p => p.Fragile, static (p, v) => p.Fragile = v),
        ],
        [
            new FeatureColumn(nameof(Id), FeatureColumnType.Key, false),
            new FeatureColumn(nameof(Summary), FeatureColumnType.String, false),
            new FeatureColumn(nameof(Tags), FeatureColumnType.StringList, false),
            new FeatureColumn(nameof(Fragile), FeatureColumnType.Boolean, true),
        ],
        static (p, writer) =>
        {
            writer.WriteKey(p.Id);
            writer.WriteString(p.Summary);
            writer.WriteStringList(p.Tags);
            writer.WriteBoolean(p.Fragile);
        });

    public static List<Product> Catalog(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Product { Id = $"p{i:D6}", Name = $"Product {i}", Description = $"A sturdy product, number {i}, for everyday use." })];

    internal static DelegateField<T, bool?> BooleanField<T>(string name, Func<T, string> render, Func<T, bool?> get, Action<T, bool?> set) => new(
        name, FieldKind.Value, """{"type":"object","properties":{"value":{"type":["boolean","null"]}},"required":["value"],"additionalProperties":false}""",
        AnswerConstraints.Boolean(allowsUnknown: true), render, static a => AnswerReader.ReadBoolean(a, nullable: true), static v => AnswerReader.Format(v), get, set);
}

/// <summary>A catalog item with one LLM field, so that items per second equal model calls per second.</summary>
public sealed class Headline : IEnrichable<Headline>
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public bool? Positive { get; set; }

    public static EnrichmentModel<Headline> EnrichmentModel { get; } = new(
        nameof(Headline), nameof(Id), static h => h.Id,
        [Product.BooleanField<Headline>(nameof(Positive), static h => $"Is this headline positive? {h.Text}", static h => h.Positive, static (h, v) => h.Positive = v)],
        [new FeatureColumn(nameof(Id), FeatureColumnType.Key, false), new FeatureColumn(nameof(Positive), FeatureColumnType.Boolean, true)],
        static (h, writer) =>
        {
            writer.WriteKey(h.Id);
            writer.WriteBoolean(h.Positive);
        });

    public static List<Headline> Catalog(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Headline { Id = $"h{i:D6}", Text = $"Headline number {i} about the weather" })];
}
