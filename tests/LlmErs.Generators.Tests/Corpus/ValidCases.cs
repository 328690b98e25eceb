namespace LlmErs.Generators.Tests.Corpus;

/// <summary>Odd but valid C#: each must build with zero errors and zero warnings and get no LlmErs diagnostic.</summary>
internal static class ValidCases
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
        CorpusCase.Valid("user_history_of_another_enrichable_type", """
            [Enrichable]
            public partial class Song
            {
                [ItemKey] public string Id { get; set; } = "";
                public string Title { get; set; } = "";
                [LlmTags("Moods of {{ title }}", Vocabulary = ["calm", "loud"])] public partial IReadOnlyList<string> Moods { get; set; }
                [LlmText("About {{ title }}")] public partial string? Pitch { get; set; }
            }

            [Enrichable]
            public partial class Listener
            {
                [ItemKey] public string Id { get; set; } = "";
                public IReadOnlyList<HistoryEntry<Song>> History { get; set; } = [];
                public Song[] Favourites { get; set; } = [];
                [LlmText("Heard:{{ for h in history offset:1 limit:30 }} {{ h.item.title }} ({{ h.item.moods | array.join ', ' }}; {{ h.item.pitch }}){{ if h.rating && h.rating >= 4 }} loved{{ end }}{{ end }}{{ for s in favourites }} {{ s.moods | array.size }}{{ end }}")]
                public partial string? Profile { get; set; }
                [Embedding("{{ profile }}", Dimensions = 4)] public partial ReadOnlyMemory<float> Taste { get; set; }
            }
            """),
        CorpusCase.Valid("correction_of_a_keyword_named_field", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                public string @class = "";
                [LlmCorrect(nameof(@class), "Fix the spelling of {{ class }}")] public partial string? ClassCorrected { get; set; }
            }
            """),
        CorpusCase.Valid("keyword_type_and_member_names", """
            [Enrichable]
            public partial class @event
            {
                [ItemKey] public string @class { get; set; } = "";
                [LlmText("About {{ class }}")] public partial string? @return { get; set; }
                [LlmValue("Is {{ class }} new?")] public partial bool? @new { get; set; }
            }
            """),
        CorpusCase.Valid("word_rules_with_escapes_and_phrases", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}", BlockedWords = ["bad", "very \"poor\"", "坏"], AllowedWords = ["bad boys"])] public partial string? Pitch { get; set; }
                [LlmTags("Tags of {{ id }}", Vocabulary = ["dark", "gory"], BlockedWords = ["gory"])] public partial IReadOnlyList<string> Tags { get; set; }
            }
            """),
        CorpusCase.Valid("named_word_lists_alone_and_beside_words", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}", BlockedWordLists = ["profanity", "brands"], AllowedWordLists = ["titles"])] public partial string? Pitch { get; set; }
                [LlmText("Hook of {{ id }}", BlockedWords = ["bad"], BlockedWordLists = ["profanity"], AllowedWords = ["bad boys"])] public partial string? Hook { get; set; }
            }
            """),
        CorpusCase.Valid("contextual_keyword_member_names", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string var { get; set; } = "";
                [LlmText("About {{ var }}")] public partial string? value { get; set; }
                [LlmText("About {{ value }}")] public partial string? record { get; set; }
            }
            """),
        CorpusCase.Valid("keyword_namespace", """
            namespace @event.@namespace
            {
                [Enrichable]
                public partial class Movie
                {
                    [ItemKey] public string Id { get; set; } = "";
                    [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
                }
            }
            """),
        CorpusCase.Valid("file_scoped_namespace", """
            namespace Shop.Catalog;

            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("global_namespace", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmTags("Moods of {{ id }}", Vocabulary = ["dark", "funny"])] public partial IReadOnlyList<string> Moods { get; set; }
            }
            """),
        CorpusCase.Valid("nested_in_partial_class", """
            namespace Shop;

            public partial class Outer
            {
                [Enrichable]
                public partial class Movie
                {
                    [ItemKey] public string Id { get; set; } = "";
                    [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
                }
            }
            """),
        CorpusCase.Valid("nested_three_deep_in_struct_and_record", """
            namespace Shop;

            public partial struct A
            {
                public partial record B
                {
                    public static partial class C
                    {
                        [Enrichable]
                        public partial class Movie
                        {
                            [ItemKey] public int Id { get; set; }
                            [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
                        }
                    }
                }
            }
            """),
        CorpusCase.Valid("keyword_containing_type", """
            public partial class @class
            {
                [Enrichable]
                public partial class @struct
                {
                    [ItemKey] public string Id { get; set; } = "";
                    [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
                }
            }
            """),
        CorpusCase.Valid("record_class", """
            [Enrichable]
            public partial record Movie
            {
                [ItemKey] public string Id { get; init; } = "";
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("positional_record_with_property_key", """
            [Enrichable]
            public partial record Movie([property: ItemKey] string Id, string Title)
            {
                [LlmText("About {{ title }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("sealed_internal_class", """
            [Enrichable]
            internal sealed partial class Movie
            {
                [ItemKey] internal string Id { get; set; } = "";
                [LlmText("About")] internal partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("private_nested_type", """
            public partial class Outer
            {
                [Enrichable]
                private partial class Movie
                {
                    [ItemKey] public string Id { get; set; } = "";
                    [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
                }
            }
            """),
        CorpusCase.Valid("key_inherited_from_base_class", """
            public abstract class Entity
            {
                [ItemKey] public string Id { get; set; } = "";
            }

            [Enrichable]
            public partial class Movie : Entity
            {
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("protected_key_two_levels_up", """
            public class Entity
            {
                [ItemKey] protected Guid Id { get; set; }
            }

            public class Product : Entity
            {
                public string Name { get; set; } = "";
            }

            [Enrichable]
            public partial class Movie : Product
            {
                [LlmText("About {{ name }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("overridden_key_repeating_the_attribute", """
            public abstract class Entity
            {
                [ItemKey] public virtual string Id { get; set; } = "";
            }

            [Enrichable]
            public partial class Movie : Entity
            {
                [ItemKey] public override string Id { get; set; } = "";
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("integer_and_guid_keys", """
            [Enrichable] public partial class A { [ItemKey] public long Id { get; set; } [LlmText("{{ id }}")] public partial string? P { get; set; } }
            [Enrichable] public partial class B { [ItemKey] public uint Id { get; set; } [LlmText("{{ id }}")] public partial string? P { get; set; } }
            [Enrichable] public partial class C { [ItemKey] public Guid Id { get; set; } [LlmText("About")] public partial string? P { get; set; } }
            [Enrichable] public partial class D { [ItemKey] public byte Id { get; set; } [LlmText("About")] public partial string? P { get; set; } }
            """),
        CorpusCase.Valid("nullable_string_key", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string? Id { get; set; }
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("field_key", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public readonly string Id = "";
                [LlmText("About")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("restricted_accessors", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; private set; } = "";
                [LlmText("About {{ id }}")] public partial string? Pitch { get; private set; }
                [LlmText("About {{ id }}")] public partial string? Tagline { get; init; }
            }
            """),
        CorpusCase.Valid("every_value_kind", """
            public enum Rating { Low, @default, High }

            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmValue("{{ id }}", Minimum = 1, Maximum = 10)] public partial int? Stars { get; set; }
                [LlmValue("{{ id }}", Minimum = -1e18, Maximum = 1e18)] public partial long Views { get; set; }
                [LlmValue("{{ id }}", Minimum = -0.5, Maximum = 1e300)] public partial double? Score { get; set; }
                [LlmValue("{{ id }}")] public partial bool Kids { get; set; }
                [LlmValue("{{ id }}")] public partial string? Note { get; set; }
                [LlmValue("{{ id }}")] public partial Rating? Rating { get; set; }
                [LlmNormalize("{{ id }}", Vocabulary = ["US", "FR"])] public partial string Country { get; set; }
            }
            """),
        CorpusCase.Valid("embedding_and_semantic_id", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = 8)] public partial ReadOnlyMemory<float> Content { get; set; }
                [SemanticId(nameof(Content), Levels = 2, Codes = 16)] public partial SemanticId Code { get; set; }
            }
            """),
        CorpusCase.Valid("semantic_id_sized_from_the_catalog", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = 8)] public partial ReadOnlyMemory<float> Content { get; set; }
                [SemanticId(nameof(Content))] public partial SemanticId Code { get; set; }
                [SemanticId(nameof(Content), Levels = 4)] public partial SemanticId Deeper { get; set; }
            }
            """),
        CorpusCase.Valid("non_ascii_type_name", """
            [Enrichable]
            public partial class Café
            {
                [ItemKey] public string Id { get; set; } = "";
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("same_type_name_in_two_namespaces", """
            namespace A { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } } }
            namespace B { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } } }
            """),
        CorpusCase.Valid("nested_and_namespaced_names_that_join_alike", """
            namespace N.Outer { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; } }
            namespace N { public partial class Outer2 { [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; } } }
            """),
        CorpusCase.Valid("names_differing_only_in_case", """
            [Enrichable] public partial class Movie { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } }
            [Enrichable] public partial class movie { [ItemKey] public string Id { get; set; } = ""; [LlmText("{{ id }}")] public partial string? P { get; set; } }
            """),
        CorpusCase.Valid("generic_neighbours", """
            public class Box<T> { public T? Value { get; set; } }
            public static class Util { public static T Id<T>(T value) => value; }

            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                public Box<int> Box { get; set; } = new();
                [LlmText("About {{ id }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("type_split_over_two_files",
            """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
            }
            """,
            """
            public partial class Movie
            {
                public string Title { get; set; } = "";
                [LlmText("About {{ title }}")] public partial string? Pitch { get; set; }
            }
            """),
        CorpusCase.Valid("scorer_overloads", Movie + """
            [Enrichable]
            public partial class Book
            {
                [ItemKey] public string Id { get; set; } = "";
                [Embedding("{{ id }}", Dimensions = 4)] public partial ReadOnlyMemory<float> Content { get; set; }
            }

            public static partial class Scoring
            {
                [Scorer, Similarity(nameof(Movie.Content), nameof(Movie.Content))]
                public static partial float Score(Movie query, Movie item);

                [Scorer, Similarity(nameof(Book.Content), nameof(Book.Content))]
                public static partial float Score(Book query, Book item);
            }
            """),
        CorpusCase.Valid("scorer_with_keyword_names", Movie + """
            public static partial class @class
            {
                [Scorer, Similarity("Content", "Content", Weight = 0.5)]
                public static partial float @return(Movie @event, Movie score);
            }
            """),
        CorpusCase.Valid("scorer_feature_inherited_and_nested", """
            public class Rated { public double Stars { get; set; } public bool? Kids { get; set; } }
            public class Film : Rated { public string Id { get; set; } = ""; }

            public partial class Outer
            {
                internal static partial class Scoring
                {
                    [Scorer, FeatureWeight(nameof(Rated.Stars), 0.25), FeatureWeight(nameof(Rated.Kids), -1)]
                    internal static partial float Score(Film query, Film item);
                }
            }
            """),
        CorpusCase.Valid("images_of_every_accepted_member_type", """
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
                public string? PosterPath { get; set; }
                public string[] Stills { get; set; } = [];
                public Uri? PosterAddress { get; set; }
                public byte[]? PosterBytes;
                public ReadOnlyMemory<byte> Thumbnail { get; set; }
                public ItemImage? Poster { get; init; }
                public IReadOnlyList<ItemImage> Gallery { get; set; } = [];
                public List<string?> Frames { get; set; } = [];
                [LlmText("A {{ id }}", Images = nameof(PosterPath))] public partial string? A { get; set; }
                [LlmText("B {{ id }}", Images = nameof(Stills))] public partial string? B { get; set; }
                [LlmText("C {{ id }}", Images = nameof(PosterAddress))] public partial string? C { get; set; }
                [LlmText("D {{ id }}", Images = nameof(PosterBytes))] public partial string? D { get; set; }
                [LlmText("E {{ id }}", Images = nameof(Thumbnail))] public partial string? E { get; set; }
                [LlmValue("F {{ id }}", Images = nameof(Poster))] public partial bool? F { get; set; }
                [LlmTags("G {{ id }}", Vocabulary = ["x"], Images = nameof(Gallery))] public partial IReadOnlyList<string> G { get; set; }
                [LlmNormalize("H {{ id }}", Vocabulary = ["x"], Images = nameof(Frames))] public partial string? H { get; set; }
                [Embedding(Images = nameof(Poster), Dimensions = 512)] public partial ReadOnlyMemory<float> Look { get; set; }
                [SemanticId(nameof(Look))] public partial SemanticId LookId { get; set; }
            }
            """),
        CorpusCase.Valid("scorer_extreme_but_finite_weight", Movie + """
            public static partial class Scoring
            {
                [Scorer, Similarity("Content", "Content", Weight = 3.4e38)]
                public static partial float Score(Movie a, Movie b);
            }
            """),
    ];
}
