using LlmErs;
using Xunit;

namespace LlmErs.Recommenders.Tests.Features;

public sealed class EntityFeaturesTests
{
    private static readonly LlmField<Dish, IReadOnlyList<KgTriple>> Facts =
        (LlmField<Dish, IReadOnlyList<KgTriple>>)EnrichmentModel.Of<Dish>().Field(nameof(Dish.Facts));

    [Fact]
    public void One_column_per_relation_and_entity_in_declared_order_a_one_where_the_triple_holds()
    {
        Dish[] dishes =
        [
            new() { Id = "a", Facts = [new("has_cuisine", "Thai"), new("suits_diet", "vegan"), new("suits_diet", "keto")] },
            new() { Id = "b", Facts = [new("HAS_CUISINE", "italian "), new("suits_diet", "Italian")] },
            new() { Id = "c", Facts = [] },
        ];

        using var block = EntityFeatures.Triples(dishes, Facts);

        // The same entity under two relations is two columns: "Italian" cuisine is not an "Italian" diet.
        Assert.Equal(["has_cuisine=Italian", "has_cuisine=Thai", "suits_diet=vegan", "suits_diet=keto", "suits_diet=Italian"], block.ColumnNames);
        AssertRows(block, [0, 1, 1, 1, 0], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]);
    }

    [Fact]
    public void A_catalog_relation_has_a_column_per_item_held_as_a_tail_in_order_of_appearance()
    {
        IReadOnlyList<KgTriple>?[] triples =
        [
            [new("similar_to", "m7"), new("has_cuisine", "Thai"), new("similar_to", "m3", TripleStatus.Dropped, "Not alike.")],
            [new("SIMILAR_TO", "m2 "), new("similar_to", "m7", TripleStatus.Kept)],
            null,
        ];

        using var block = EntityFeatures.Triples(triples, [TripleRelation.Catalog("similar_to"), new TripleRelation("has_cuisine", ["Thai"])]);

        // m3 is only held by a dropped triple: no column.
        Assert.Equal(["similar_to=m7", "similar_to=m2", "has_cuisine=Thai"], block.ColumnNames);
        AssertRows(block, [1, 0, 1], [1, 1, 0], [0, 0, 0]);
    }

    [Fact]
    public void Dropped_triples_unknown_triples_and_missing_items_add_nothing()
    {
        IReadOnlyList<KgTriple>?[] triples =
        [
            [new("has_cuisine", "Thai", TripleStatus.Dropped, "Not Thai."), new("has_cuisine", "Italian", TripleStatus.Fixed, "Italian."), new("made_in", "Rome"), new("suits_diet", "paleo")],
            null,
            [new("suits_diet", "vegan", TripleStatus.Kept)],
        ];

        using var block = EntityFeatures.Triples(triples, Facts.Constraints.Relations);

        AssertRows(block, [1, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0]);
    }

    [Fact]
    public void A_field_without_relations_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => EntityFeatures.Triples([[new KgTriple("a", "b")]], []));
        Assert.Contains("at least one relation", error.Message, StringComparison.Ordinal);
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
