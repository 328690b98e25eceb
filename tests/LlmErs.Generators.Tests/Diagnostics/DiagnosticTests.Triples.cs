namespace LlmErs.Generators.Tests.Diagnostics;

/// <summary>The diagnostics of triples fields ([LlmTriples] with its [LlmRelation]s).</summary>
public sealed partial class DiagnosticTests
{
    [Fact]
    public void LLMERS0046_triples_without_relations() => Expect("LLMERS0046", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [[|LlmTriples("Facts about {{ id }}")|]] public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "[LlmTriples] on 'Facts' needs at least one relation", "add [LlmRelation(\"name\", Entities = [\"…\"])]");

    [Fact]
    public void LLMERS0047_relation_outside_triples() => Expect("LLMERS0047", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", Vocabulary = ["a"])]
            [LlmRelation("has_theme", Entities = ["war"])]
            public partial IReadOnlyList<string> [|Tags|] { get; set; }
        }
        """, "'Tags' carries [LlmRelation] but not [LlmTriples]", "add [LlmTriples(…)] or remove the relation");

    [Fact]
    public void LLMERS0048_relation_declared_twice() => Expect("LLMERS0048", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTriples("Facts about {{ id }}")]
            [LlmRelation("has_theme", Entities = ["war"])]
            [[|LlmRelation("Has_Theme", Entities = ["love"])|]]
            public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "the relation 'Has_Theme' is declared twice", "remove one");

    [Fact]
    public void LLMERS0048_relation_entity_repeated() => Expect("LLMERS0048", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTriples("Facts about {{ id }}")]
            [LlmRelation("set_in", [|Entities = ["sea", "Sea "]|])]
            public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "the relation 'set_in' lists the entity 'sea' twice", "remove the duplicate");

    [Fact]
    public void LLMERS0048_relation_without_entities() => Expect("LLMERS0048", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTriples("Facts about {{ id }}")]
            [[|LlmRelation("set_in")|]]
            public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "the relation 'set_in' has no Entities", "list the tails it allows");

    [Fact]
    public void LLMERS0049_given_is_not_a_triple_list() => Expect("LLMERS0049", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public IReadOnlyList<string> Known { get; set; } = [];
            [LlmTriples("Check {{ id }}", Given = [|nameof(Known)|])]
            [LlmRelation("set_in", Entities = ["sea"])]
            public partial IReadOnlyList<KgTriple> Checked { get; set; }
        }
        """, "Given names 'Known', a member of type 'System.Collections.Generic.IReadOnlyList<string>' of 'Movie'", "use nameof of an IReadOnlyList<KgTriple>");

    [Fact]
    public void LLMERS0049_given_does_not_exist() => Expect("LLMERS0049", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTriples("Check {{ id }}", Given = [|"Knwon"|])]
            [LlmRelation("set_in", Entities = ["sea"])]
            public partial IReadOnlyList<KgTriple> Checked { get; set; }
        }
        """, "Given names 'Knwon', which is no member of 'Movie'", null);

    [Fact]
    public void LLMERS0048_relation_with_entities_and_catalog_items() => Expect("LLMERS0048", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTriples("Facts about {{ id }}", Max = 2)]
            [LlmRelation("similar_to", [|Entities = ["Alien"]|], CatalogItems = true)]
            public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "the relation 'similar_to' lists Entities and sets CatalogItems", "so remove one");

    [Fact]
    public void LLMERS0054_catalog_relation_without_max() => Expect("LLMERS0054", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [[|LlmTriples("Movies like {{ id }}")|]]
            [LlmRelation("set_in", Entities = ["sea"])]
            [LlmRelation("similar_to", CatalogItems = true)]
            public partial IReadOnlyList<KgTriple> Facts { get; set; }
        }
        """, "[LlmTriples] on 'Facts' has the relation 'similar_to' whose tails are catalog items", "set Max to the most triples an answer may hold");
}
