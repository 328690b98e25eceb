using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Tests.Diagnostics;

/// <summary>One test per diagnostic: its ID, where it points, and what its message tells the user to do.</summary>
public sealed partial class DiagnosticTests
{
    private const string Usings = "using System; using System.Collections.Generic; using LlmErs;\n";

    [Fact]
    public void LLMERS0001_type_not_partial() => Expect("LLMERS0001", """
        [Enrichable]
        public class [|Movie|]
        {
            [ItemKey] public string Id { get; set; } = "";
        }
        """, "Type 'Movie' must be declared 'partial'", "add the 'partial' modifier");

    [Fact]
    public void LLMERS0001_containing_type_not_partial() => Expect("LLMERS0001", """
        public class [|Outer|]
        {
            [Enrichable]
            public partial class Movie
            {
                [ItemKey] public string Id { get; set; } = "";
            }
        }
        """, "Type 'Outer' must be declared 'partial'", "it contains the enrichable type 'Movie'");

    [Fact]
    public void LLMERS0002_property_not_partial() => Expect("LLMERS0002", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}")] public string? [|Pitch|] { get; set; }
        }
        """, "Property 'Pitch' carries [LlmText] and must be declared 'partial'", "public partial string? Pitch { get; set; }");

    [Fact]
    public void LLMERS0003_unsupported_property_type() => Expect("LLMERS0003", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", Vocabulary = ["a"])] public partial List<int> [|Tags|] { get; set; }
        }
        """, "Property 'Tags' has type 'System.Collections.Generic.List<int>', which [LlmTags] does not support", "use 'IReadOnlyList<string>'");

    [Fact]
    public void LLMERS0004_unknown_member_points_at_it_with_a_suggestion() => Expect("LLMERS0004", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [LlmText("Who likes {{ [|titel|] }}?")] public partial string? Pitch { get; set; }
        }
        """, "refers to 'titel', which is not a public member of 'Movie'", "did you mean 'title'?");

    [Fact]
    public void LLMERS0004_unknown_member_of_a_history_item_names_the_item_type() => Expect("LLMERS0004", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Moods of {{ id }}", Vocabulary = ["dark"])] public partial IReadOnlyList<string> Moods { get; set; }
        }

        [Enrichable]
        public partial class Viewer
        {
            [ItemKey] public string Id { get; set; } = "";
            public IReadOnlyList<HistoryEntry<Movie>> History { get; set; } = [];
            [LlmText("Watched:{{ for h in history }} {{ h.item.[|mood|] }}{{ end }}")] public partial string? Profile { get; set; }
        }
        """, "refers to 'mood', which is not a public member of 'Movie'", "did you mean 'moods'?");

    [Fact]
    public void LLMERS0005_template_parse_error() => Expect("LLMERS0005", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText([|"About {{ id "|])] public partial string? Pitch { get; set; }
        }
        """, "Template of 'Pitch' does not parse", null, spanContains: true);

    [Fact]
    public void LLMERS0006_unsupported_construct() => Expect("LLMERS0006", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id | [|string.replace|] 'a' 'b' }}")] public partial string? Pitch { get; set; }
        }
        """, "Template of 'Pitch' uses", null, spanContains: true);

    [Fact]
    public void LLMERS0007_empty_vocabulary() => Expect("LLMERS0007", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", [|Vocabulary = []|])] public partial IReadOnlyList<string> Tags { get; set; }
        }
        """, "[LlmTags] on 'Tags' needs a non-empty Vocabulary", null);

    [Fact]
    public void LLMERS0007_missing_vocabulary_points_at_the_attribute() => Expect("LLMERS0007", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [[|LlmNormalize("Country of {{ id }}")|]] public partial string? Country { get; set; }
        }
        """, "[LlmNormalize] on 'Country' needs a non-empty Vocabulary", null);

    [Fact]
    public void LLMERS0008_duplicate_vocabulary_entry_points_at_the_duplicate() => Expect("LLMERS0008", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", Vocabulary = ["dark", "tense", [|"Dark"|]])] public partial IReadOnlyList<string> Tags { get; set; }
        }
        """, "Vocabulary of 'Tags' lists \"Dark\" more than once", "remove the duplicate");

    [Fact]
    public void LLMERS0009_cycle_between_derived_fields() => Expect("LLMERS0009", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("Based on {{ summary }}")] public partial string? [|Pitch|] { get; set; }
            [LlmText("Based on {{ pitch }}")] public partial string? Summary { get; set; }
        }
        """, "Derived fields form a cycle: Pitch -> Summary -> Pitch", null);

    [Fact]
    public void LLMERS0009_field_reading_itself_is_a_cycle() => Expect("LLMERS0009", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("Improve {{ pitch }}")] public partial string? [|Pitch|] { get; set; }
        }
        """, "Pitch -> Pitch", null);

    [Fact]
    public void LLMERS0010_missing_key() => Expect("LLMERS0010", """
        [Enrichable]
        public partial class [|Movie|]
        {
            public string Id { get; set; } = "";
        }
        """, "Type 'Movie' needs exactly one [ItemKey] property", null);

    [Fact]
    public void LLMERS0011_duplicate_key() => Expect("LLMERS0011", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [ItemKey] public string [|Slug|] { get; set; } = "";
        }
        """, "more than one [ItemKey] member (Id, Slug)", "keep exactly one");

    [Fact]
    public void LLMERS0012_bad_embedding_dimensions() => Expect("LLMERS0012", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [Embedding("{{ id }}", [|Dimensions = 0|])] public partial ReadOnlyMemory<float> Content { get; set; }
        }
        """, "[Embedding] on 'Content' has Dimensions = 0", "e.g. Dimensions = 384");

    [Fact]
    public void LLMERS0013_field_outside_enrichable_type() => Expect("LLMERS0013", """
        public partial class Movie
        {
            [LlmText("About {{ id }}")] public partial string? [|Pitch|] { get; set; }
            public partial string? Pitch { get => null; set { } }
        }
        """, "its type 'Movie' is not marked [Enrichable]", "add [Enrichable] to the type");

    [Fact]
    public void LLMERS0014_invalid_option() => Expect("LLMERS0014", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", [|MaxWords = 0|])] public partial string? Pitch { get; set; }
        }
        """, "MaxWords is 0; it must be at least 1", null);

    [Fact]
    public void LLMERS0014_tag_bounds() => Expect("LLMERS0014", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", Vocabulary = ["a", "b"], [|Min = 3|])] public partial IReadOnlyList<string> Tags { get; set; }
        }
        """, "Min = 3 and Max = 0 do not describe a possible count", null);

    [Fact]
    public void LLMERS0015_semantic_id_source_is_not_an_embedding() => Expect("LLMERS0015", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [SemanticId([|"Title"|])] public partial SemanticId Sid { get; set; }
            public string Title { get; set; } = "";
        }
        """, "names 'Title' as its source, which is not an [Embedding] property of 'Movie'", null);

    [Fact]
    public void LLMERS0016_generic_type() => Expect("LLMERS0016", """
        [Enrichable]
        public partial class [|Movie|]<T>
        {
            [ItemKey] public string Id { get; set; } = "";
        }
        """, "Type 'Movie' is generic", null);

    [Fact]
    public void LLMERS0017_conflicting_attributes() => Expect("LLMERS0017", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}")]
            [LlmNormalize("About {{ id }}", Vocabulary = ["a"])]
            public partial string? [|Pitch|] { get; set; }
        }
        """, "carries [LlmText] and [LlmNormalize]", null);

    [Fact]
    public void LLMERS0018_unsupported_key_type() => Expect("LLMERS0018", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public DateTime [|Id|] { get; set; }
        }
        """, "[ItemKey] member 'Id' has type 'System.DateTime'", "use string, an integer type or Guid");

    private const string ScorerTypes = """
        [Enrichable]
        public partial class User
        {
            [ItemKey] public string Id { get; set; } = "";
            [Embedding("{{ id }}", Dimensions = 8)] public partial ReadOnlyMemory<float> Taste { get; set; }
            [Embedding("{{ id }}", Dimensions = 4)] public partial ReadOnlyMemory<float> Small { get; set; }
            public ReadOnlyMemory<float> Plain { get; set; }
        }

        [Enrichable]
        public partial class Item
        {
            [ItemKey] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [Embedding("{{ title }}", Dimensions = 8)] public partial ReadOnlyMemory<float> Content { get; set; }
        }

        """;

    [Fact]
    public void LLMERS0019_scorer_signature() => Expect("LLMERS0019", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            [Similarity("Taste", "Content")]
            public static partial double [|Score|](User user, Item item);
        }
        """, "[Scorer] method 'Score' must be declared 'static partial float Score(TQuery query, TItem item);'", "it must return float");

    [Fact]
    public void LLMERS0020_scorer_term_names_a_plain_vector() => Expect("LLMERS0020", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            [Similarity([|"Plain"|], "Content")]
            public static partial float Score(User user, Item item);
        }
        """, "[Similarity] on 'Score' names 'Plain', which is not an [Embedding] property of 'User'", "use nameof(...) of one");

    [Fact]
    public void LLMERS0020_feature_must_be_numeric() => Expect("LLMERS0020", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            [FeatureWeight([|"Title"|], 0.5)]
            public static partial float Score(User user, Item item);
        }
        """, "names 'Title', which is not a numeric or boolean member of 'Item'", null);

    [Fact]
    public void LLMERS0021_scorer_dimension_mismatch() => Expect("LLMERS0021", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            [[|Similarity("Small", "Content")|]]
            public static partial float Score(User user, Item item);
        }
        """, "compares 'User.Small' (4 dimensions) with 'Item.Content' (8 dimensions)", "must declare the same Dimensions");

    [Fact]
    public void LLMERS0022_scorer_without_terms() => Expect("LLMERS0022", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            public static partial float [|Score|](User user, Item item);
        }
        """, "[Scorer] method 'Score' has no [Similarity] or [FeatureWeight] terms", "add at least one");

    [Fact]
    public void LLMERS0014_bound_beyond_the_property_type() => Expect("LLMERS0014", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmValue("{{ id }}", [|Minimum = 1e300|])] public partial int? Count { get; set; }
        }
        """, "Minimum is 1E+300, which is not a finite int", "use a value from -2147483648 to 2147483647");

    [Fact]
    public void LLMERS0023_generator_failure_names_the_type_and_the_exception()
    {
        // No known input makes the generator throw any more; this checks what a user would see if one did.
        var outcome = GeneratorHarness.Run(Usings + "namespace Shop; public partial class Movie { }");
        var movie = outcome.Output.GetTypeByMetadataName("Shop.Movie")!;

        var diagnostic = GeneratorFailure.Diagnostic(movie, null, new InvalidOperationException("boom")).ToDiagnostic(outcome.Output);

        Assert.Equal("LLMERS0023", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("could not generate code for 'Shop.Movie' (InvalidOperationException: boom)", diagnostic.GetMessage());
        Assert.Contains("the rest of the project's generated code is unaffected", diagnostic.GetMessage());
    }

    [Fact]
    public void LLMERS0024_static_key() => Expect("LLMERS0024", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public static string [|Id|] { get; set; } = "";
        }
        """, "[ItemKey] member 'Id' is static", "make it an instance member with a get accessor");

    [Fact]
    public void LLMERS0024_write_only_key() => Expect("LLMERS0024", """
        [Enrichable]
        public partial class Movie
        {
            private string _id = "";
            [ItemKey] public string [|Id|] { set => _id = value; }
        }
        """, "[ItemKey] member 'Id' is write-only", null);

    [Fact]
    public void LLMERS0024_private_key_of_a_base_class() => Expect("LLMERS0024", """
        public class Entity
        {
            [ItemKey] private string [|Id|] { get; set; } = "";
        }

        [Enrichable]
        public partial class Movie : Entity
        {
        }
        """, "[ItemKey] member 'Id' is not accessible from 'Movie'", null);

    [Fact]
    public void LLMERS0024_static_derived_property() => Expect("LLMERS0024", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}")] public static partial string? [|Pitch|] { get; set; }
        }
        """, "Derived property 'Pitch' is static", "remove 'static'");

    [Fact]
    public void LLMERS0024_inaccessible_feature() => Expect("LLMERS0024", ScorerTypes + """
        public class Rated
        {
            private double Stars { get; set; }
        }

        public static partial class Scoring
        {
            [Scorer]
            [FeatureWeight([|"Stars"|], 1)]
            public static partial float Score(User user, Rated item);
        }
        """, "[FeatureWeight] member 'Stars' is not accessible from 'Scoring'", null);

    [Fact]
    public void LLMERS0025_file_local_type() => Expect("LLMERS0025", """
        [Enrichable]
        file partial class [|Movie|]
        {
            [ItemKey] public string Id { get; set; } = "";
        }
        """, "Type 'Movie' is file-local", "declare 'Movie' internal instead");

    [Fact]
    public void LLMERS0025_scorer_in_a_file_local_type() => Expect("LLMERS0025", ScorerTypes + """
        file static partial class Scoring
        {
            [Scorer]
            [Similarity("Taste", "Content")]
            public static partial float [|Score|](User user, Item item);
        }
        """, "Type 'Scoring' is file-local", "it declares the scorer 'Score'");

    [Fact]
    public void LLMERS0026_infinite_similarity_weight() => Expect("LLMERS0026", ScorerTypes + """
        public static partial class Scoring
        {
            [Scorer]
            [Similarity("Taste", "Content", [|Weight = 1e300|])]
            public static partial float Score(User user, Item item);
        }
        """, "[Similarity] on 'Score' has weight 1E+300, which is not a finite float", "use a number between");

    [Fact]
    public void LLMERS0026_nan_feature_weight() => Expect("LLMERS0026", ScorerTypes + """
        public class Rated
        {
            public double Stars { get; set; }
        }

        public static partial class Scoring
        {
            [Scorer]
            [FeatureWeight("Stars", [|double.NaN|])]
            public static partial float Score(User user, Rated item);
        }
        """, "[FeatureWeight] on 'Score' has weight NaN", null);

    [Fact]
    public void LLMERS0027_correction_source_does_not_exist() => Expect("LLMERS0027", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public string Title { get; set; } = "";
            [LlmCorrect([|"Titel"|], "Correct {{ title }}")] public partial string? TitleCorrected { get; set; }
        }
        """, "names 'Titel' as the member it corrects, but 'Movie' has no such member", "use nameof(...) of a string property or field");

    [Fact]
    public void LLMERS0027_correction_source_is_not_a_string() => Expect("LLMERS0027", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public int Year { get; set; }
            [LlmCorrect([|nameof(Year)|], "Correct {{ year }}")] public partial string? YearCorrected { get; set; }
        }
        """, "names 'Year' as the member it corrects, but 'Movie' has a member of type 'int'", null);

    [Fact]
    public void Diagnostics_are_located_in_user_code_so_pragmas_apply()
    {
        // This test project itself compiles SuppressedByPragma.cs, whose LLMERS0010 is disabled by #pragma: had the
        // pragma not applied, the project would not have built. Here: the type exists and got no enrichment model.
        Assert.DoesNotContain(typeof(SuppressedByPragma).GetInterfaces(), i => i.Name.StartsWith("IEnrichable", StringComparison.Ordinal));
        Assert.Equal("hello", new SuppressedByPragma { Pitch = "hello" }.Pitch);
    }

    [Fact]
    public void Every_catalog_entry_has_a_test_here()
    {
        var tested = typeof(DiagnosticTests).GetMethods()
            .Select(m => m.Name)
            .Where(n => n.StartsWith("LLMERS", StringComparison.Ordinal))
            .Select(n => n[..10])
            .ToHashSet();
        var catalog = typeof(LlmErsGenerator).Assembly.GetType("LlmErs.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields()
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id);

        Assert.DoesNotContain(catalog, id => !tested.Contains(id));
    }

    [Fact]
    public void LLMERS0030_empty_word_list() => Expect("LLMERS0030", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", [|BlockedWords = []|])] public partial string? Pitch { get; set; }
        }
        """, "[LlmText] on 'Pitch' declares BlockedWords with no entries", "list the words, or remove BlockedWords");

    [Fact]
    public void LLMERS0031_word_entry_without_a_word() => Expect("LLMERS0031", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", BlockedWords = ["bad", [|"!!"|]])] public partial string? Pitch { get; set; }
        }
        """, "a BlockedWords entry (\"!!\") has no letters or digits", "write the word or remove the entry");

    [Fact]
    public void LLMERS0032_duplicate_word_after_normalization_points_at_the_duplicate() => Expect("LLMERS0032", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", BlockedWords = ["very bad", [|"ＶＥＲＹ  Bad!"|]])] public partial string? Pitch { get; set; }
        }
        """, "'Pitch' lists 'ＶＥＲＹ  Bad!' in BlockedWords twice (both read 'very bad'", "remove the duplicate");

    [Fact]
    public void LLMERS0033_word_both_blocked_and_allowed() => Expect("LLMERS0033", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmTags("Tags of {{ id }}", Vocabulary = ["dark", "gory"], BlockedWords = ["gory"], AllowedWords = [[|"Gory"|]])] public partial IReadOnlyList<string> Tags { get; set; }
        }
        """, "'Tags' both blocks and allows 'Gory'", "remove it from one of the lists");

    [Fact]
    public void LLMERS0034_allowed_words_without_blocked_words() => Expect("LLMERS0034", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", [|AllowedWords = ["bad boys"]|])] public partial string? Pitch { get; set; }
        }
        """, "'Pitch' declares AllowedWords but no BlockedWords", "add BlockedWords or remove AllowedWords");

    [Fact]
    public void LLMERS0034_allowed_word_lists_without_blocked_words() => Expect("LLMERS0034", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", [|AllowedWordLists = ["titles"]|])] public partial string? Pitch { get; set; }
        }
        """, "'Pitch' declares AllowedWordLists but no BlockedWords or BlockedWordLists", "add BlockedWords or remove AllowedWordLists");

    [Fact]
    public void LLMERS0035_blank_word_list_name() => Expect("LLMERS0035", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", BlockedWordLists = ["profanity", [|" "|]])] public partial string? Pitch { get; set; }
        }
        """, "[LlmText] on 'Pitch': a BlockedWordLists entry (\" \") names no list", "registered under in GovernanceOptions.WordLists");

    [Fact]
    public void LLMERS0036_word_list_named_twice_points_at_the_duplicate() => Expect("LLMERS0036", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", BlockedWordLists = ["profanity", "brands", [|"profanity"|]])] public partial string? Pitch { get; set; }
        }
        """, "'Pitch' names the word list 'profanity' in BlockedWordLists twice", "remove the duplicate");

    [Fact]
    public void LLMERS0037_word_list_both_blocked_and_allowed() => Expect("LLMERS0037", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", BlockedWordLists = ["brands"], AllowedWordLists = [[|"brands"|]])] public partial string? Pitch { get; set; }
        }
        """, "'Pitch' names the word list 'brands' in both BlockedWordLists and AllowedWordLists", "remove it from one of them");

    [Fact]
    public void LLMERS0050_images_member_not_found() => Expect("LLMERS0050", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("About {{ id }}", Images = [|"Postre"|])] public partial string? Pitch { get; set; }
        }
        """, "[LlmText] on 'Pitch' names 'Postre' as its images, but 'Movie' has no property or field of that name", "use nameof(...)");

    [Fact]
    public void LLMERS0051_images_member_of_unsupported_type() => Expect("LLMERS0051", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public int Poster { get; set; }
            [LlmTags("Tags of {{ id }}", Vocabulary = ["a"], Images = [|nameof(Poster)|])] public partial IReadOnlyList<string> Tags { get; set; }
        }
        """, "the images member 'Poster' is of type 'int'", "use ItemImage, a list of ItemImage, a file path or http(s) address (string)");

    [Fact]
    public void LLMERS0052_images_member_unreadable() => Expect("LLMERS0052", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public static ItemImage? Poster { get; set; }
            [LlmValue("Dark? {{ id }}", Images = [|nameof(Poster)|])] public partial bool? Dark { get; set; }
        }
        """, "the images member 'Poster' is static", "make it an instance member with a get accessor");

    [Fact]
    public void LLMERS0053_images_member_is_a_derived_field() => Expect("LLMERS0053", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [LlmText("Path of {{ id }}")] public partial string? PosterPath { get; set; }
            [LlmText("About {{ id }}", Images = [|nameof(PosterPath)|])] public partial string? Pitch { get; set; }
        }
        """, "the images member 'PosterPath' is a derived field", "name a member that holds the item's own images");

    [Fact]
    public void LLMERS0014_embedding_with_both_a_template_and_images() => Expect("LLMERS0014", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            public ItemImage? Poster { get; set; }
            [Embedding("{{ id }}", Dimensions = 4, [|Images = nameof(Poster)|])] public partial ReadOnlyMemory<float> Look { get; set; }
        }
        """, "it has both a template and Images", "remove one");

    [Fact]
    public void LLMERS0014_embedding_with_neither_a_template_nor_images() => Expect("LLMERS0014", """
        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public string Id { get; set; } = "";
            [[|Embedding(Dimensions = 4)|]] public partial ReadOnlyMemory<float> Look { get; set; }
        }
        """, "it has neither a template nor Images", "Images = nameof(...)");

    private static void Expect(string id, string markup, string messageContains, string? adviceContains, bool spanContains = false)
    {
        var parsed = Markup.Parse(Usings + markup);
        var outcome = GeneratorHarness.Run(parsed.Source);

        var diagnostic = Assert.Single(outcome.Reported, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains(messageContains, message);
        if (adviceContains is not null)
        {
            Assert.Contains(adviceContains, message);
        }

        var actual = diagnostic.Location.SourceSpan;
        if (spanContains)
        {
            Assert.True(parsed.Span.Contains(actual) && actual.Length > 0,
                $"Expected a location inside '{parsed.Source.Substring(parsed.Span.Start, parsed.Span.Length)}', got '{Text(parsed.Source, actual)}'.");
        }
        else
        {
            Assert.Equal(parsed.Source.Substring(parsed.Span.Start, parsed.Span.Length), Text(parsed.Source, actual));
        }

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : $"<{span}>";
}
