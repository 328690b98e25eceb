using System.Text.Json;

namespace LlmErs.Generators.Tests.Consumer;

/// <summary>Compile-and-run: the generated triples fields of <see cref="Recipe"/> (completion and correction).</summary>
public sealed class GeneratedTriplesTests
{
    private static LlmField<Recipe> Field(string name) => (LlmField<Recipe>)EnrichmentModel.Of<Recipe>().Field(name);

    private static Recipe NewRecipe(params KgTriple[] known) => new() { Id = "r1", Name = "Ramen", Known = known };

    [Fact]
    public void Completion_constraints_and_schema_carry_each_relation_with_its_entities()
    {
        var field = Field(nameof(Recipe.Facts));
        Assert.Equal(FieldKind.Triples, field.Kind);
        Assert.Equal(AnswerKind.Triples, field.Constraints.Kind);
        Assert.Equal(3, field.Constraints.MaxCount);
        Assert.Equal(["has_cuisine", "suits_diet"], field.Constraints.Relations.Select(r => r.Name));
        Assert.Equal(["vegan", "gluten-free"], field.Constraints.Relations[1].Entities);

        using var schema = JsonDocument.Parse(field.JsonSchema);
        var branches = schema.RootElement.GetProperty("properties").GetProperty("value").GetProperty("items").GetProperty("anyOf");
        Assert.Equal(2, branches.GetArrayLength());
        Assert.Equal("Japanese", branches[0].GetProperty("properties").GetProperty("tail").GetProperty("enum")[1].GetString());
    }

    [Fact]
    public void Completion_normalizes_tails_to_the_relation_vocabulary_and_writes_labels()
    {
        var recipe = NewRecipe();
        var field = Field(nameof(Recipe.Facts));
        Assert.True(field.TryApply(recipe, """{"value":[{"relation":"HAS_CUISINE","tail":" japanese "},{"relation":"suits_diet","tail":"Vegan"}]}""", out var error), error);

        Assert.Equal([new KgTriple("has_cuisine", "Japanese"), new KgTriple("suits_diet", "vegan")], recipe.Facts);
        Assert.Equal(["has_cuisine=Japanese", "suits_diet=vegan"], KgTriple.LabelsOf(recipe.Facts));
        // The stored answer reads back to the same value (the cache keeps FormatAnswer's text).
        var copy = NewRecipe();
        Assert.True(field.TryApply(copy, field.FormatAnswer(recipe), out error), error);
        Assert.Equal(recipe.Facts, copy.Facts);
    }

    [Theory]
    [InlineData("""{"value":[{"relation":"made_by","tail":"Italian"}]}""", "relation \"made_by\" is not allowed. Allowed: \"has_cuisine\", \"suits_diet\"")]
    [InlineData("""{"value":[{"relation":"suits_diet","tail":"Italian"}]}""", "tail \"Italian\" is not allowed for relation \"suits_diet\". Allowed: \"vegan\", \"gluten-free\"")]
    [InlineData("""{"value":[{"relation":"has_cuisine","tail":"Italian"},{"relation":"has_cuisine","tail":"Japanese"},{"relation":"suits_diet","tail":"vegan"},{"relation":"suits_diet","tail":"gluten-free"}]}""", "Give at most 3 triple(s); the answer has 4")]
    public void Completion_outside_the_vocabulary_or_the_bound_is_rejected_with_what_is_allowed(string answer, string expected)
    {
        var recipe = NewRecipe();
        Assert.False(Field(nameof(Recipe.Facts)).TryApply(recipe, answer, out var error));
        Assert.Contains(expected, error);
        Assert.Empty(recipe.Facts);
    }

    [Fact]
    public void Correction_keeps_fixes_and_drops_with_reasons()
    {
        var recipe = NewRecipe(new KgTriple("has_cuisine", "Italian"), new KgTriple("suits_diet", "vegan"), new KgTriple("cooked_in", "wok"));
        var field = Field(nameof(Recipe.Checked));
        Assert.Equal(AnswerKind.TripleVerdicts, field.Constraints.Kind);
        Assert.Equal("Check the facts about Ramen: (has_cuisine, Italian) (suits_diet, vegan) (cooked_in, wok)", field.RenderPrompt(recipe));

        const string answer = """
            {"value":[
              {"verdict":"fix","relation":"has_cuisine","tail":"japanese","reason":"Ramen is Japanese."},
              {"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""},
              {"verdict":"drop","relation":"cooked_in","tail":"wok","reason":"No such relation."}]}
            """;
        Assert.True(field.TryApply(recipe, answer, out var error), error);
        Assert.Equal(
            [
                new KgTriple("has_cuisine", "Japanese", TripleStatus.Fixed, "Ramen is Japanese."),
                new KgTriple("suits_diet", "vegan", TripleStatus.Kept),
                new KgTriple("cooked_in", "wok", TripleStatus.Dropped, "No such relation."),
            ],
            recipe.Checked);
        Assert.Equal(["has_cuisine=Japanese", "suits_diet=vegan"], KgTriple.LabelsOf(recipe.Checked));

        var copy = NewRecipe([.. recipe.Known]);
        Assert.True(field.TryApply(copy, field.FormatAnswer(recipe), out error), error);
        Assert.Equal(recipe.Checked, copy.Checked);
    }

    [Theory]
    [InlineData("""{"value":[{"verdict":"keep","relation":"has_cuisine","tail":"Italian","reason":""}]}""", "there are 2 given triple(s) and 1 verdict(s)")]
    [InlineData("""{"value":[{"verdict":"keep","relation":"has_cuisine","tail":"Japanese","reason":""},{"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""}]}""", "Verdict 1 keeps (has_cuisine, Japanese), but given triple 1 is (has_cuisine, Italian)")]
    [InlineData("""{"value":[{"verdict":"fix","relation":"has_cuisine","tail":"Italian","reason":"x"},{"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""}]}""", "into itself")]
    [InlineData("""{"value":[{"verdict":"drop","relation":"has_cuisine","tail":"Italian","reason":" "},{"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""}]}""", "Verdict 1: a \"drop\" needs a \"reason\"")]
    [InlineData("""{"value":[{"verdict":"maybe","relation":"has_cuisine","tail":"Italian","reason":""},{"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""}]}""", "use \"keep\", \"fix\" or \"drop\"")]
    [InlineData("""{"value":[{"verdict":"fix","relation":"has_cuisine","tail":"Thai","reason":"x"},{"verdict":"keep","relation":"suits_diet","tail":"vegan","reason":""}]}""", "Verdict 1: tail \"Thai\" is not allowed for relation \"has_cuisine\"")]
    public void Correction_that_disagrees_with_the_given_triples_is_rejected(string answer, string expected)
    {
        var recipe = NewRecipe(new KgTriple("has_cuisine", "Italian"), new KgTriple("suits_diet", "vegan"));
        Assert.False(Field(nameof(Recipe.Checked)).TryApply(recipe, answer, out var error));
        Assert.Contains(expected, error);
        Assert.Empty(recipe.Checked);
    }

    [Fact]
    public void A_correction_is_enriched_after_nothing_but_reads_its_given_member()
    {
        var model = EnrichmentModel.Of<Recipe>();
        Assert.Empty(model.Field(nameof(Recipe.Checked)).DependsOn);
        var columns = model.Columns.Where(c => c.Name is nameof(Recipe.Facts) or nameof(Recipe.Checked)).Select(c => c.Type).Distinct();
        Assert.Equal([FeatureColumnType.StringList], columns);
    }

    [Fact]
    public void A_catalog_relation_is_unbound_with_a_free_text_tail_until_the_run_gives_the_catalog()
    {
        var field = Field(nameof(Recipe.Pairings));
        var catalog = field.Constraints.Relations[0];
        Assert.True(catalog.IsCatalog);
        Assert.Null(catalog.Items);
        Assert.Empty(catalog.Entities);
        Assert.False(field.Constraints.Relations[1].IsCatalog);
        // The catalog's size is the run's: Max is not cut to the two entities of the vocabulary relation.
        Assert.Equal(3, field.Constraints.MaxCount);

        using var schema = JsonDocument.Parse(field.JsonSchema);
        var tail = schema.RootElement.GetProperty("properties").GetProperty("value").GetProperty("items").GetProperty("anyOf")[0]
            .GetProperty("properties").GetProperty("tail");
        Assert.False(tail.TryGetProperty("enum", out _));
        Assert.Contains("another item of the catalog", tail.GetProperty("description").GetString(), StringComparison.Ordinal);

        // The field's own reader keeps the tail as written; bound to a catalog, the same answer resolves to a key.
        var recipe = NewRecipe();
        const string answer = """{"value":[{"relation":"pairs_with","tail":" miso soup "},{"relation":"has_cuisine","tail":"japanese"}]}""";
        Assert.True(field.TryApply(recipe, answer, out var error), error);
        Assert.Equal([new KgTriple("pairs_with", "miso soup"), new KgTriple("has_cuisine", "Japanese")], recipe.Pairings);

        var bound = field.Constraints.WithCatalog(new CatalogEntities([("r1", "Ramen"), ("r2", "Miso Soup")]));
        var resolved = TripleAnswers.ResolveCatalogTails(recipe.Pairings, bound.Relations, head: "r1");
        Assert.True(resolved.IsValid, resolved.Error);
        Assert.Equal([new KgTriple("pairs_with", "r2"), new KgTriple("has_cuisine", "Japanese")], resolved.Value);
    }
}
