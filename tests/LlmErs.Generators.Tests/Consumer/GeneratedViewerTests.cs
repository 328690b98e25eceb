using System.Globalization;
using System.Reflection;
using LlmErs.Samples.Catalog;
using Scriban;

namespace LlmErs.Generators.Tests.Consumer;

/// <summary>
/// A user type whose templates loop over the user's history and read the history items' own derived fields
/// (<see cref="Movie.Moods"/>): the generated prompts must render exactly what Scriban renders from the same objects.
/// </summary>
public sealed class GeneratedViewerTests
{
    private static readonly EnrichmentModel<Viewer> Model = EnrichmentModel.Of<Viewer>();

    private static Movie NewMovie(int i, params string[] moods) => new()
    {
        Id = $"m{i}",
        Title = $"Film {i}",
        Genres = i % 2 == 0 ? ["Drama"] : ["Comedy", "Romance"],
        Moods = moods,
    };

    private static Viewer NewViewer(int entries, Func<int, float?> rating) => new()
    {
        Id = "u1",
        History = [.. Enumerable.Range(0, entries).Select(i => new HistoryEntry<Movie>(NewMovie(i, i % 3 == 0 ? ["dark", "tense"] : ["funny"]), 1000 - i, rating(i)))],
    };

    [Fact]
    public void Prompts_list_the_history_items_with_their_derived_fields()
    {
        var viewer = NewViewer(3, i => i switch { 0 => 4.5f, 1 => 2f, _ => null });
        var profile = (LlmField<Viewer>)Model.Field(nameof(Viewer.Profile));
        var liked = (LlmField<Viewer>)Model.Field(nameof(Viewer.LikedMoods));
        var disliked = (LlmField<Viewer>)Model.Field(nameof(Viewer.DislikedMoods));

        Assert.Equal(
            "A viewer watched these movies, most recent first: Film 0 (Drama; dark, tense), rated 4.5/5. Film 1 (Comedy, Romance; funny), rated 2/5. Film 2 (Drama; funny). Describe their taste in movies.",
            profile.RenderPrompt(viewer));
        Assert.Equal("Which moods does a viewer enjoy who liked: Film 0 (dark, tense). Film 2 (funny).", liked.RenderPrompt(viewer));
        Assert.Equal("Which moods does a viewer avoid who rated these movies low: Film 1 (funny).", disliked.RenderPrompt(viewer));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(30)]
    [InlineData(45)]
    public void Every_template_renders_like_Scriban(int entries)
    {
        var viewers = new[]
        {
            NewViewer(entries, _ => null),
            NewViewer(entries, i => (i % 11) / 2f),
            NewViewer(entries, i => i % 4 == 0 ? null : 0.1f * i),
        };
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            foreach (var field in Model.Fields)
            {
                var text = typeof(Viewer).GetProperty(field.Name)!.GetCustomAttributes().Select(TemplateOf).Single(t => t is not null)!;
                var template = Template.Parse(text);
                foreach (var viewer in viewers)
                {
                    var emitted = field switch
                    {
                        LlmField<Viewer> llm => llm.RenderPrompt(viewer),
                        EmbeddingField<Viewer> embedding => embedding.RenderText(viewer),
                        _ => throw new InvalidOperationException(field.Name),
                    };
                    Assert.Equal(template.Render(viewer), emitted);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Prompts_list_at_most_the_latest_thirty_entries()
    {
        var profile = (LlmField<Viewer>)Model.Field(nameof(Viewer.Profile));
        var prompt = profile.RenderPrompt(NewViewer(Viewer.PromptHistory + 5, _ => null));

        Assert.Contains($"Film {Viewer.PromptHistory - 1} (", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain($"Film {Viewer.PromptHistory} (", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Mood_fields_share_the_movies_vocabulary_and_the_embedding_reads_them()
    {
        var moods = EnrichmentModel.Of<Movie>().LlmFields.Single(f => f.Name == nameof(Movie.Moods)).Constraints.Choices;

        Assert.Equal(moods, ((LlmField<Viewer>)Model.Field(nameof(Viewer.LikedMoods))).Constraints.Choices);
        Assert.Equal(moods, ((LlmField<Viewer>)Model.Field(nameof(Viewer.DislikedMoods))).Constraints.Choices);
        Assert.Equal([nameof(Viewer.Profile), nameof(Viewer.LikedMoods), nameof(Viewer.DislikedMoods)], Model.Field(nameof(Viewer.Taste)).DependsOn);
    }

    private static string? TemplateOf(Attribute attribute) => attribute switch
    {
        LlmFieldAttribute llm => llm.Template,
        EmbeddingAttribute embedding => embedding.Template,
        _ => null,
    };
}
