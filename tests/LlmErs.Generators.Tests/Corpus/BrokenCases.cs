namespace LlmErs.Generators.Tests.Corpus;

/// <summary>C# with errors of its own: the generator must not throw, nor add an LlmErs diagnostic that contradicts it.</summary>
internal static class BrokenCases
{
    private const string Movie = """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [Embedding("{{ id }}", Dimensions = 4)] public partial ReadOnlyMemory<float> Content { get; set; }
        }

        """;

    public static IEnumerable<CorpusCase> All =>
    [
        CorpusCase.Broken("enrichable_on_two_parts_of_one_class", """
            [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; }
            [Enrichable] public partial class Movie { [LlmText("{{ id }}")] public partial string? Pitch { get; set; } }
            """),
        new("file_local_type_with_derived_properties_in_two_files", Expectation.Broken,
        [
            """[Enrichable] file partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } }""",
            """[Enrichable] file partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } }""",
        ], ["LLMERS0025", "LLMERS0025"]),
        CorpusCase.Broken("dimensions_as_string", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = "384")] public partial ReadOnlyMemory<float> Content { get; set; }
            }
            """),
        CorpusCase.Broken("max_words_as_string", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("{{ id }}", MaxWords = "ten")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Broken("minimum_as_string", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", Minimum = "low")] public partial int? Count { get; set; }
            }
            """),
        CorpusCase.Broken("unknown_named_argument", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("{{ id }}", MaxWrds = 3)] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Broken("vocabulary_of_ints", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmTags("{{ id }}", Vocabulary = [1, 2])] public partial IReadOnlyList<string> Moods { get; set; }
            }
            """),
        CorpusCase.Broken("null_vocabulary_entry_warns_and_points_right", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmTags("{{ id }}", Vocabulary = new string[] { [|null|], "dark", [|"DARK"|] })] public partial IReadOnlyList<string> Moods { get; set; }
            }
            """, "LLMERS0014", "LLMERS0008"),
        CorpusCase.Broken("key_of_unknown_type", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public Missing Id { get; set; } = null!;
                [LlmText("About")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Broken("derived_property_of_unknown_type", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About")] public partial Missing Pitch { get; set; }
            }
            """),
        CorpusCase.Broken("similarity_names_a_missing_member", Movie + """
            public static partial class Scoring
            {
                [Scorer, Similarity([|nameof(Movie.Missing)|], nameof(Movie.Content))]
                public static partial float Score(Movie query, Movie item);
            }
            """, "LLMERS0020"),
        // The compiler adds CS8795 (no implementation): generated code cannot add to a file-local type.
        CorpusCase.Broken("scorer_in_file_local_type", Movie + """
            file static partial class Scoring
            {
                [Scorer, Similarity("Content", "Content")]
                public static partial float [|Score|](Movie query, Movie item);
            }
            """, "LLMERS0025"),

        CorpusCase.Broken("similarity_over_embedding_with_string_dimensions", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = "384")] public partial ReadOnlyMemory<float> Content { get; set; }
            }

            public static partial class Scoring
            {
                [Scorer, Similarity(nameof(Movie.Content), nameof(Movie.Content))]
                public static partial float Score(Movie query, Movie item);
            }
            """),
        CorpusCase.Broken("feature_weight_as_string", Movie + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight("Id", "heavy")]
                public static partial float Score(Movie query, Movie item);
            }
            """),
        CorpusCase.Broken("namespace_and_nested_type_collide", """
            namespace N.Outer { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; } }
            namespace N { public partial class Outer { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; } } }
            """),
        CorpusCase.Broken("class_and_record_parts_of_one_name", """
            [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; }
            [Enrichable] public partial record Movie { }
            """),
        CorpusCase.Broken("two_scorers_with_one_signature", Movie + """
            public static partial class Scoring
            {
                [Scorer, Similarity("Content", "Content")]
                public static partial float Score(Movie query, Movie item);

                [Scorer, Similarity("Content", "Content")]
                public static partial float Score(Movie query, Movie item);
            }
            """),
        CorpusCase.Broken("half_typed_keyword_type", """
            [Enrichable] public partial class @event { [ItemKey] public string @class { get; set; } = ""; [LlmText("{{ class }}")] public partial string? P { get;
            """),
        CorpusCase.Broken("scorer_with_unknown_parameter_types", """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight("Stars", 1)]
                public static partial float Score(Missing query, Missing item);
            }
            """),
    ];
}
