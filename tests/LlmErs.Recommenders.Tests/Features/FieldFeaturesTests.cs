using LlmErs;
using Xunit;

namespace LlmErs.Recommenders.Tests.Features;

public sealed class FieldFeaturesTests
{
    private static readonly EnrichmentModel<Listing> Model = EnrichmentModel.Of<Listing>();

    private static readonly Listing[] Items =
    [
        new() { Id = "a", Rooms = ["garden", "Kitchen"], Style = "Rustic", Condition = Condition.New, PetsAllowed = true, Bedrooms = 3, Score = 0.5, Text = new[] { 1f, 2f, 3f } },
        new() { Id = "b", Rooms = [], Style = null, Condition = Condition.Worn, PetsAllowed = null, Bedrooms = null, Score = 0, Text = new[] { 4f, 5f, 6f } },
        new() { Id = "c", Rooms = ["office"], Style = "Brutalist", Condition = Condition.Worn, PetsAllowed = false, Bedrooms = 0, Score = 1, Text = new[] { 7f, 8f, 9f } },
    ];

    private static LlmField<Listing> Field(string name) => (LlmField<Listing>)Model.Field(name);

    [Fact]
    public void Tags_AreAMultiHot_OneColumnPerVocabularyEntry_MatchedCaseInsensitively()
    {
        using var block = FieldFeatures.Answers(Items, Field(nameof(Listing.Rooms)));

        Assert.Equal(["Rooms=kitchen", "Rooms=garden", "Rooms=office"], block.ColumnNames);
        AssertRows(block, [1, 1, 0], [0, 0, 0], [0, 0, 1]);
    }

    [Fact]
    public void Choices_AreAOneHot_WithAnUnknownColumnWhereNullable()
    {
        using var style = FieldFeatures.Answers(Items, Field(nameof(Listing.Style)));
        using var condition = FieldFeatures.Answers(Items, Field(nameof(Listing.Condition)));

        Assert.Equal(["Style=Modern", "Style=Rustic", "Style=unknown"], style.ColumnNames);
        // An entry outside the vocabulary, set by hand, has no column.
        AssertRows(style, [0, 1, 0], [0, 0, 1], [0, 0, 0]);
        Assert.Equal(["Condition=Worn", "Condition=New"], condition.ColumnNames);
        AssertRows(condition, [0, 1], [1, 0], [1, 0]);
    }

    [Fact]
    public void Booleans_AreAOneHotOfTrueFalseAndUnknown()
    {
        using var block = FieldFeatures.Answers(Items, Field(nameof(Listing.PetsAllowed)));

        Assert.Equal(["PetsAllowed=true", "PetsAllowed=false", "PetsAllowed=unknown"], block.ColumnNames);
        AssertRows(block, [1, 0, 0], [0, 0, 1], [0, 1, 0]);
    }

    [Fact]
    public void Numbers_AreTheirValue_WithAMissingIndicatorWhereNullable()
    {
        using var bedrooms = FieldFeatures.Answers(Items, Field(nameof(Listing.Bedrooms)));
        using var score = FieldFeatures.Answers(Items, Field(nameof(Listing.Score)));

        Assert.Equal(["Bedrooms", "Bedrooms=unknown"], bedrooms.ColumnNames);
        // Unknown is 0 with the indicator on, so it differs from a real 0.
        AssertRows(bedrooms, [3, 0], [0, 1], [0, 0]);
        Assert.Equal(["Score"], score.ColumnNames);
        AssertRows(score, [0.5f], [0], [1]);
    }

    [Fact]
    public void SeveralFields_AreOneBlock_InTheOrderGiven()
    {
        using var block = FieldFeatures.Answers(Items, Field(nameof(Listing.PetsAllowed)), Field(nameof(Listing.Bedrooms)));

        Assert.Equal(["PetsAllowed=true", "PetsAllowed=false", "PetsAllowed=unknown", "Bedrooms", "Bedrooms=unknown"], block.ColumnNames);
        AssertRows(block, [1, 0, 0, 3, 0], [0, 0, 1, 0, 1], [0, 1, 0, 0, 0]);
    }

    [Fact]
    public void RowsFollowTheItemsOrder()
    {
        using var block = FieldFeatures.Answers([Items[2], Items[0]], Field(nameof(Listing.Bedrooms)));

        AssertRows(block, [0, 0], [3, 0]);
    }

    [Fact]
    public void Embeddings_AreTheirVectors()
    {
        using var block = FieldFeatures.Vectors(Items, (EmbeddingField<Listing>)Model.Field(nameof(Listing.Text)));

        Assert.Equal(["Text[0]", "Text[1]", "Text[2]"], block.ColumnNames);
        AssertRows(block, [1, 2, 3], [4, 5, 6], [7, 8, 9]);
    }

    [Fact]
    public void AnItemWithoutAVector_GetsZerosAndAMissingIndicator_AndIsCounted()
    {
        var field = (EmbeddingField<Listing>)Model.Field(nameof(Listing.Text));

        using var block = FieldFeatures.Vectors([Items[0], new Listing { Id = "d" }, null, Items[2]], field);

        Assert.Equal(["Text[0]", "Text[1]", "Text[2]", "Text=missing"], block.ColumnNames);
        AssertRows(block, [1, 2, 3, 0], [0, 0, 0, 1], [0, 0, 0, 0], [7, 8, 9, 0]);
        Assert.Equal(1, block.MissingRows);
    }

    [Fact]
    public void AQuarantinedOrFailedValueClearedOnTheItem_ReadsAsMissingInEveryBlock()
    {
        var item = new Listing { Id = "q", Rooms = ["garden"], PetsAllowed = true, Bedrooms = 2, Text = new[] { 1f, 1f, 1f } };
        foreach (var name in new[] { nameof(Listing.Rooms), nameof(Listing.PetsAllowed), nameof(Listing.Bedrooms) })
        {
            Field(name).ClearValue(item);
        }

        ((EmbeddingField<Listing>)Model.Field(nameof(Listing.Text))).SetVector(item, default);

        using var answers = FieldFeatures.Answers([item], Field(nameof(Listing.Rooms)), Field(nameof(Listing.PetsAllowed)), Field(nameof(Listing.Bedrooms)));
        using var vectors = FieldFeatures.Vectors([Items[0], item], (EmbeddingField<Listing>)Model.Field(nameof(Listing.Text)));

        Assert.Empty(item.Rooms);
        Assert.Equal(
            answers.ColumnNames.Select(name => name is "PetsAllowed=unknown" or "Bedrooms=unknown" ? 1f : 0f),
            answers.Values.GetRow(0).ToArray());
        Assert.Equal([0, 0, 0, 1], vectors.Values.GetRow(1).ToArray());
    }

    [Fact]
    public void AVectorOfTheWrongLength_OrNoVectorAtAll_IsAClearError()
    {
        var field = (EmbeddingField<Listing>)Model.Field(nameof(Listing.Text));

        var wrong = Assert.Throws<InvalidOperationException>(() => FieldFeatures.Vectors([Items[0], new Listing { Id = "d", Text = new[] { 1f } }], field));
        var none = Assert.Throws<InvalidOperationException>(() => FieldFeatures.Vectors([new Listing { Id = "d" }, new Listing { Id = "e" }], field));

        Assert.Contains("Item 1 has 1 values", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("None of the 2 items has a vector", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FreeText_HasNoColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => FieldFeatures.Answers(Items, Field(nameof(Listing.Blurb))));

        Assert.Contains("embed it", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FieldFeatures.Answers(Items));
    }

    private static void AssertRows(FeatureMatrix block, params float[][] rows)
    {
        Assert.Equal(rows.Length, block.Values.Count);
        for (var row = 0; row < rows.Length; row++)
        {
            Assert.Equal(rows[row], block.Values.GetRow(row).ToArray());
        }
    }
}
