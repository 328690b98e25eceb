using System.Text.RegularExpressions;
using LlmErs;
using LlmErs.Runtime.Tests.Fakes;
using Xunit;

namespace LlmErs.Runtime.Tests.Catalog;

/// <summary>One dirty item: its prompt and its embedding text must read the same clean source values.</summary>
public sealed partial class CleanTextEverywhereTests
{
    private static readonly EnrichmentModel<Product> s_model = global::LlmErs.EnrichmentModel.Of<Product>();

    private static Product Dirty() => new()
    {
        Asin = "B1",
        Title = "<b>Computer</b> Shopper &amp; Monthly <span class=\"a-size-medium a-color-secondary\"",
        Brand = "Future\u0007",
        Description = "<p>The <i>PC</i>&nbsp;magazine.</p>",
    };

    [Fact]
    public void HtmlText_drops_an_unterminated_tag_that_a_regular_expression_would_keep()
    {
        Assert.Equal("Computer Shopper & Monthly", HtmlText.ToText("<b>Computer</b> Shopper &amp; Monthly <span class=\"a-size-medium a-color-secondary\""));
        Assert.Equal("Fish & Chips < 5 €", TextCleaner.Clean("Fish &amp; Chips\u00A0< 5 &euro;", CleanText.All));
        Assert.Equal("e\u0301".Normalize(), TextCleaner.Clean("e\u0301", CleanText.Normalize));
    }

    [Fact]
    public async Task Cleaned_once_the_prompt_and_the_embedding_text_read_the_same_clean_values()
    {
        var item = new CatalogCleaner<Product>(ProductJson.Default.Product).Clean(Dirty());

        Assert.Equal(("Computer Shopper & Monthly", "Future", "The PC magazine."), (item.Title, item.Brand, item.Description));
        var (prompt, embedded) = await RenderBoth(item, new PromptHygieneOptions());
        Assert.Equal(["Computer Shopper & Monthly", "Future", "The PC magazine."], Blocks(prompt));
        Assert.Equal("Computer Shopper & Monthly. The PC magazine.", embedded);
    }

    [Fact]
    public async Task Without_catalog_cleaning_the_embedding_stage_cleans_as_prompt_hygiene_does()
    {
        var (prompt, embedded) = await RenderBoth(Dirty(), new PromptHygieneOptions { ConvertHtmlToText = true });

        var blocks = Blocks(prompt);
        Assert.Equal(["Computer Shopper & Monthly", "Future", "The PC magazine."], blocks);
        Assert.Equal($"{blocks[0]}. {blocks[2]}", embedded);
        Assert.DoesNotContain("<", embedded, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", embedded, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_is_kept_beside_the_original_and_null_means_nothing_to_correct()
    {
        var field = (LlmField<Product>)s_model.Field(nameof(Product.TitleCorrected));
        var item = new Product { Asin = "B1", Title = "computer shoper", Brand = "Future" };

        Assert.Equal(FieldKind.Correction, field.Kind);
        Assert.True(field.Constraints.AllowsUnknown);
        Assert.True(field.TryApply(item, """{"value": "Computer Shopper"}""", out _));
        Assert.Equal(("computer shoper", "Computer Shopper"), (item.Title, item.TitleCorrected));
        Assert.True(field.TryApply(item, """{"value": null}""", out _));
        Assert.Equal(("computer shoper", null), (item.Title, item.TitleCorrected));
    }

    private static async Task<(string Prompt, string Embedded)> RenderBoth(Product item, PromptHygieneOptions hygiene)
    {
        var pitch = (LlmField<Product>)s_model.Field(nameof(Product.Pitch));
        var prompt = new PromptHygiene(hygiene).Render(pitch, item).Text;
        var generator = new FakeEmbeddings(4);
        await new EmbeddingStage(generator, new MemoryCache(), new EmbeddingStageOptions { Hygiene = hygiene }).EmbedAsync([item]);
        return (prompt, Assert.Single(generator.Texts));
    }

    private static string[] Blocks(string prompt) => [.. DataBlock().Matches(prompt).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("<item>(.*?)</item>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
