using System.Text.Json.Serialization;

namespace LlmErs.Runtime.Tests.Catalog;

/// <summary>A product of a scraped catalog: HTML in titles and descriptions, a brand that is sometimes missing.</summary>
[Enrichable]
public partial class Product
{
    [ItemKey] public required string Asin { get; init; }

    public required string Title { get; init; }

    public string? Brand { get; init; }

    public string? Description { get; init; }

    public double? Price { get; init; }

    [LlmText("Who buys {{ title }} by {{ brand }}? {{ description }}", MaxWords = 30)]
    public partial string? Pitch { get; set; }

    [LlmCorrect(nameof(Title), "Correct the spelling and casing of the title {{ title }} of a product by {{ brand }}; answer null when it is right.")]
    public partial string? TitleCorrected { get; set; }

    [Embedding("{{ title }}. {{ description }}", Dimensions = 4)]
    public partial ReadOnlyMemory<float> Content { get; set; }
}

[JsonSerializable(typeof(Product))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProductJson : JsonSerializerContext;
