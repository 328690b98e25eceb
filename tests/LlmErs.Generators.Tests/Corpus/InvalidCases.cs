namespace LlmErs.Generators.Tests.Corpus;

/// <summary>Clean C# that misuses the DSL: exactly the marked LlmErs diagnostics, and no error or warning besides.</summary>
internal static class InvalidCases
{
    private const string Embeddings = """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [Embedding("{{ id }}", Dimensions = 4)] public partial ReadOnlyMemory<float> Content { get; set; }
            [Embedding("{{ id }}", Dimensions = 4)] private partial ReadOnlyMemory<float> Hidden { get; set; }
        }

        public class Rated
        {
            public static double Popularity { get; set; }
            private double Stars { get; set; }
            public double WriteOnly { set { } }
            public double Visible => Stars;
        }

        """;

    public static IEnumerable<CorpusCase> All =>
    [
        CorpusCase.Invalid("correction_of_a_list_member", """
            [Enrichable] public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                public System.Collections.Generic.IReadOnlyList<string> Genres { get; set; } = [];
                [LlmCorrect([|nameof(Genres)|], "Fix {{ id }}")] public partial string? GenresCorrected { get; set; }
            }
            """, "LLMERS0027"),
        CorpusCase.Invalid("static_key", """
            [Enrichable] public partial class Movie { [ItemKey] public static string [|Id|] { get; set; } = ""; }
            """, "LLMERS0024"),
        CorpusCase.Invalid("static_field_key", """
            [Enrichable] public partial class Movie { [ItemKey] public static readonly int [|Id|] = 1; }
            """, "LLMERS0024"),
        CorpusCase.Invalid("write_only_key", """
            [Enrichable] public partial class Movie { private string _id = ""; [ItemKey] public string [|Id|] { set => _id = value; } public string Peek => _id; }
            """, "LLMERS0024"),
        CorpusCase.Invalid("indexer_key", """
            [Enrichable] public partial class Movie { [ItemKey] public string [|this|][int i] => ""; }
            """, "LLMERS0024"),
        CorpusCase.Invalid("private_key_in_base_class", """
            public class Entity { [ItemKey] private string [|Id|] { get; set; } = ""; public string Peek => Id; }
            [Enrichable] public partial class Movie : Entity { }
            """, "LLMERS0024"),
        CorpusCase.Invalid("private_getter_of_key_in_base_class", """
            public class Entity { [ItemKey] public string [|Id|] { private get; set; } = ""; public string Peek => Id; }
            [Enrichable] public partial class Movie : Entity { }
            """, "LLMERS0024"),
        CorpusCase.Invalid("static_derived_property_is_still_implemented", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}")] public static partial string? [|Pitch|] { get; set; }
            }
            """, "LLMERS0024"),
        CorpusCase.Invalid("no_key_anywhere_in_the_hierarchy", """
            public class Entity { public string Id { get; set; } = ""; }
            [Enrichable] public partial class [|Movie|] : Entity { }
            """, "LLMERS0010"),
        CorpusCase.Invalid("keys_in_base_and_derived", """
            public class Entity { [ItemKey] public string [|Code|] { get; set; } = ""; }
            [Enrichable] public partial class Movie : Entity { [ItemKey] public string Id { get; set; } = ""; }
            """, "LLMERS0011"),
        CorpusCase.Invalid("keyword_type_without_key", """
            [Enrichable] public partial class [|@event|] { }
            """, "LLMERS0010"),
        CorpusCase.Invalid("single_file_local_type", """
            [Enrichable] file partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; }
            """, "LLMERS0025"),
        CorpusCase.Invalid("enrichable_inside_a_file_local_type", """
            file partial class Outer { [Enrichable] public partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; } }
            """, "LLMERS0025"),
        new("file_local_type_in_two_files", Expectation.Invalid,
        [
            """[Enrichable] file partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; }""",
            """[Enrichable] file partial class [|Movie|] { [ItemKey] public string Id { get; set; } = ""; }""",
        ], ["LLMERS0025", "LLMERS0025"]),
        CorpusCase.Invalid("unsupported_list_type_gets_no_cs8618", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmTags("{{ id }}", Vocabulary = ["a"])] public partial List<string> [|Tags|] { get; set; }
            }
            """, "LLMERS0003"),
        CorpusCase.Invalid("unsupported_array_type_gets_no_cs8618", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = 4)] public partial float[] [|Vector|] { get; set; }
            }
            """, "LLMERS0003"),
        CorpusCase.Invalid("zero_dimensions_written", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", [|Dimensions = 0|])] public partial ReadOnlyMemory<float> Vector { get; set; }
            }
            """, "LLMERS0012"),
        CorpusCase.Invalid("int_minimum_beyond_int", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", [|Minimum = 1e300|])] public partial int? Count { get; set; }
            }
            """, "LLMERS0014"),
        CorpusCase.Invalid("long_maximum_beyond_long", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", [|Maximum = 1e19|])] public partial long Count { get; set; }
            }
            """, "LLMERS0014"),
        CorpusCase.Invalid("double_minimum_negative_infinity", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", [|Minimum = double.NegativeInfinity|])] public partial double? Score { get; set; }
            }
            """, "LLMERS0014"),
        CorpusCase.Invalid("explicit_nan_maximum", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", Minimum = 0, [|Maximum = double.NaN|])] public partial int Count { get; set; }
            }
            """, "LLMERS0014"),
        CorpusCase.Invalid("semantic_id_sizes_out_of_range", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = 8)] public partial ReadOnlyMemory<float> Content { get; set; }
                [SemanticId(nameof(Content), [|Codes = 1|])] public partial SemanticId Code { get; set; }
                [SemanticId(nameof(Content), [|Levels = -1|])] public partial SemanticId Deeper { get; set; }
            }
            """, "LLMERS0014", "LLMERS0014"),
        CorpusCase.Invalid("null_vocabulary_entry_then_duplicate", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmTags("{{ id }}", Vocabulary = new string[] { [|null!|], "dark", [|"Dark"|] })] public partial IReadOnlyList<string> Moods { get; set; }
            }
            """, "LLMERS0014", "LLMERS0008"),
        CorpusCase.Invalid("similarity_weight_beyond_float", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, Similarity("Content", "Content", [|Weight = 1e300|])]
                public static partial float Score(Movie query, Movie item);
            }
            """, "LLMERS0026"),
        CorpusCase.Invalid("feature_weight_nan", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight("Visible", [|double.NaN|])]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0026"),
        CorpusCase.Invalid("feature_weight_infinite", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight("Visible", [|double.NegativeInfinity|])]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0026"),
        CorpusCase.Invalid("static_feature", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight([|"Popularity"|], 1)]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0024"),
        CorpusCase.Invalid("private_feature", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight([|"Stars"|], 1)]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0024"),
        CorpusCase.Invalid("write_only_feature", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, FeatureWeight([|"WriteOnly"|], 1)]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0024"),
        CorpusCase.Invalid("private_embedding_in_similarity", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, Similarity("Content", [|"Hidden"|])]
                public static partial float Score(Movie query, Movie item);
            }
            """, "LLMERS0024"),
        CorpusCase.Invalid("one_bad_overload_of_two", Embeddings + """
            public static partial class Scoring
            {
                [Scorer, Similarity("Content", "Content")]
                public static partial float Score(Movie query, Movie item);

                [Scorer, FeatureWeight("Visible", [|float.PositiveInfinity|])]
                public static partial float Score(Movie query, Rated item);
            }
            """, "LLMERS0026"),
        CorpusCase.Invalid("word_lists", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}", [|BlockedWords = new string[0]|])] public partial string? Pitch { get; set; }
                [LlmValue("Setting of {{ id }}", BlockedWords = ["gore", [|" - "|], [|"GORE"|]], AllowedWords = [[|"gore"|]])] public partial string? Setting { get; set; }
                [LlmNormalize("Place of {{ id }}", Vocabulary = ["City", "Sea"], [|AllowedWords = ["sea"]|])] public partial string? Place { get; set; }
            }
            """, "LLMERS0030", "LLMERS0031", "LLMERS0032", "LLMERS0033", "LLMERS0034"),
        CorpusCase.Invalid("named_word_lists", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}", [|BlockedWordLists = new string[0]|])] public partial string? Pitch { get; set; }
                [LlmValue("Setting of {{ id }}", BlockedWordLists = ["brands", [|""|], [|"brands"|]], AllowedWordLists = [[|"brands"|], "titles"])] public partial string? Setting { get; set; }
                [LlmNormalize("Place of {{ id }}", Vocabulary = ["City", "Sea"], [|AllowedWordLists = ["titles"]|])] public partial string? Place { get; set; }
            }
            """, "LLMERS0030", "LLMERS0035", "LLMERS0036", "LLMERS0037", "LLMERS0034"),
    ];
}
