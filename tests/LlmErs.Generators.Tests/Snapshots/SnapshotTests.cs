using LlmErs.Generators.Tests.Infrastructure;

namespace LlmErs.Generators.Tests.Snapshots;

/// <summary>
/// The generated source of representative types, against committed approved files (see <see cref="Snapshot"/>).
/// Each case must also compile cleanly together with its generated code.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Every_field_kind() => Verify("EveryFieldKind", """
        using System;
        using System.Collections.Generic;
        using LlmErs;

        namespace Shop.Catalog;

        public enum Pace { Slow, Steady, Fast }

        [Enrichable]
        public partial class Movie
        {
            [ItemKey] public required string Id { get; init; }
            public required string Title { get; init; }
            public int? Year { get; init; }
            public IReadOnlyList<string> Genres { get; init; } = [];
            public string? Overview { get; init; }

            [LlmText("Who would enjoy {{ title }}{{ if year }} ({{ year }}){{ end }}? {{ genres | array.join ', ' }}. {{ overview }}",
                MaxWords = 40, Description = "One sentence.", Instructions = "Be concrete.")]
            public partial string? Pitch { get; set; }

            [LlmTags("Moods of {{ title }}: {{ overview }}", Vocabulary = ["dark", "uplifting", "tense"], Min = 1, Max = 2)]
            public partial IReadOnlyList<string> Moods { get; set; }

            [LlmValue("Is {{ title }} suitable for children?")]
            public partial bool? FamilyFriendly { get; set; }

            [LlmValue("Pacing of {{ title }}")]
            public partial Pace Pacing { get; set; }

            [LlmValue("Minutes of {{ title }}", Minimum = 1, Maximum = 600)]
            public partial int? Minutes { get; set; }

            [LlmValue("Rating of {{ title }}", Minimum = 0, Maximum = 10)]
            public partial double Rating { get; set; }

            [LlmValue("Director of {{ title }}")]
            public partial string? Director { get; set; }

            [LlmNormalize("Country of {{ title }}", Vocabulary = ["France", "Japan", "United States"])]
            public partial string? Country { get; set; }

            [Embedding("{{ title }}. {{ pitch }} {{ moods | array.join ', ' }}", Dimensions = 384)]
            public partial ReadOnlyMemory<float> Content { get; set; }

            [SemanticId(nameof(Content), Levels = 3, Codes = 256)]
            public partial SemanticId Sid { get; set; }
        }
        """);

    [Fact]
    public void Nested_record_with_integer_key_and_restricted_accessors() => Verify("NestedRecord", """
        using LlmErs;

        namespace Shop;

        public static partial class Catalogs
        {
            public partial class Books
            {
                [Enrichable]
                public partial record Book
                {
                    [ItemKey] public long Isbn { get; init; }
                    public string Title { get; init; } = "";
                    public Author? Author { get; init; }

                    [LlmText("Summarize {{ title }} by {{ author.name }}.", MaxWords = 25)]
                    public partial string? Summary { get; private set; }

                    [LlmValue("Pages of {{ title }}")]
                    public partial long Pages { get; init; }

                    [LlmNormalize("Language of {{ title }}", Vocabulary = ["English", "French"])]
                    public partial string Language { get; set; }
                }
            }
        }

        public sealed class Author
        {
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public void Type_with_errors_still_implements_its_properties() => Verify("TypeWithErrors", """
        using LlmErs;

        [Enrichable]
        public partial class Keyless
        {
            [LlmText("About {{ titel }}")]
            public partial string? Pitch { get; set; }

            public string Title { get; set; } = "";
        }
        """, expectErrors: ["LLMERS0004", "LLMERS0010"]);

    [Fact]
    public void Scorer_with_similarities_and_features() => Verify("Scorer", """
        using System;
        using LlmErs;

        namespace Shop;

        [Enrichable]
        public partial class User
        {
            [ItemKey] public string Id { get; set; } = "";
            [Embedding("{{ id }}", Dimensions = 40)] public partial ReadOnlyMemory<float> Taste { get; set; }
        }

        [Enrichable]
        public partial class Item
        {
            [ItemKey] public int Id { get; set; }
            public double Popularity { get; set; }
            public bool? Kids { get; set; }
            [Embedding("{{ id }}", Dimensions = 40)] public partial ReadOnlyMemory<float> Content { get; set; }
        }

        public static partial class Scoring
        {
            [Scorer]
            [Similarity(nameof(User.Taste), nameof(Item.Content), Weight = 2)]
            [FeatureWeight(nameof(Item.Popularity), 0.1)]
            [FeatureWeight(nameof(Item.Kids), -0.5)]
            internal static partial float Score(User user, Item item);
        }
        """, file: ".LlmErsScorer.g.cs");

    private static void Verify(string name, string source, string[]? expectErrors = null, string? file = null)
    {
        var outcome = GeneratorHarness.Run(source);

        Assert.Null(outcome.Result.Exception);
        Assert.Equal(expectErrors ?? [], outcome.Reported.Select(d => d.Id).Order());
        Assert.Empty(outcome.CompilationErrors);
        var generated = file is null ? outcome.Result.GeneratedSources.Single() : outcome.Result.GeneratedSources.Single(s => s.HintName.EndsWith(file, StringComparison.Ordinal));
        Snapshot.Verify(generated.SourceText.ToString(), name);
    }
}
