using System.Globalization;
using LlmErs.Generators.Templates;
using Scriban;
using Scriban.Syntax;

namespace LlmErs.Generators.Tests.Templates;

/// <summary>
/// The emitted C# must render exactly what <c>Template.Parse(t).Render(item)</c> renders — same text, or the same
/// failure — for every supported construct, over random items full of edge cases.
/// </summary>
public sealed class TemplateDifferentialTests
{
    private const int ItemsPerTemplate = 300;

    private static readonly string[] Templates =
    [
        // Text and member output.
        "Who would enjoy {{ title }} ({{ year }})? {{ overview }}",
        "{{ score }}|{{ rating }}|{{ price }}|{{ f32 }}|{{ i8 }}|{{ u8 }}|{{ i16 }}|{{ u16 }}|{{ u32 }}|{{ i64 }}|{{ u64 }}|{{ rank }}",
        "{{ grade }}|{{ mark }}|{{ flag }}|{{ maybe_flag }}|{{ genre }}|{{ maybe_genre }}|{{ tags }}|{{ tagline }}",
        "{{ 'lit' }}{{ \"q\\\"uote\" }}|{{ 42 }}|{{ -7 }}|{{ 1.50 }}|{{ 3000000000 }}|{{ true }}|{{ null }}|{{ -0.0 }}|{{ 1e3 }}|{{ 0.000001 }}|{{ 1.5f }}|{{ 1.50m }}|{{ -0.5m }}|{{ -0.0f }}",
        "{{ motto }}|{{ base_note }}|{{ shadowed }}|{{ location.x }},{{ location.y }}",

        // Whitespace control, escapes and auto-indent.
        "A  {{~ title ~}}  B\n  {{- overview -}}\n C {{~ year }} D {{ tagline -}}\n\nE",
        "{%{ {{ not code }} }%} {{ title }}",
        "Overview:\n  {{ overview }}\nLines:\n\t{{ multiline }}{{ multiline }}\n  {{ if flag }}\nyes\n{{ end }}X\n",
        "Cast:\n  {{ for p in cast }}\n- {{ p?.name }}\n  {{ else }}\n  nobody\n  {{ end }}\nEnd {{ tagline }}",
        "  {{~ multiline }}\n    {{ for g in genres }}{{ g }}\n{{ end }}",

        // Conditions and truthiness.
        "{{ if overview }}O{{ else if tagline }}T{{ else }}N{{ end }}|{{ if !flag }}nf{{ end }}|{{ if maybe_flag }}m{{ end }}|{{ if rank }}r{{ end }}|{{ if genres }}g{{ end }}|{{ if counts }}c{{ end }}|{{ if director }}d{{ end }}|{{ if title }}t{{ end }}|{{ if year }}y{{ end }}|{{ if maybe_location }}l{{ end }}",
        "{{ title == 'Alien' }}|{{ overview != '' }}|{{ genre == 'Drama' }}|{{ maybe_genre == 'Comedy' }}|{{ flag == 'true' }}|{{ year == '1999' }}|{{ grade == 'A' }}|{{ mark != 'B' }}|{{ tagline < 'm' }}|{{ 'm' >= tagline }}|{{ score == '1.5' }}|{{ tags == 'Classic, Indie' }}",
        "{{ year > 2000 }}|{{ year <= 1999.5 }}|{{ score >= 5 }}|{{ score == 1.5 }}|{{ rank < 3 }}|{{ rating != 2.5 }}|{{ price > 1.1 }}|{{ price == 10 }}|{{ f32 < 0.1 }}|{{ f32 == 1 }}|{{ f32 > 1.5 }}|{{ i64 > 2147483648 }}|{{ u32 >= 7 }}|{{ i8 < -3 }}|{{ u8 == 255 }}|{{ 5 < year }}|{{ i16 != -1 }}|{{ u16 > 0 }}|{{ price == 1.50m }}|{{ score < 1.5f }}|{{ f32 > 0.1f }}|{{ price > 0.1f }}|{{ year >= 1999.5m }}",
        "{{ overview == null }}|{{ director != null }}|{{ rank == null }}|{{ year == null }}|{{ null == flag }}|{{ flag == true }}|{{ maybe_flag != false }}|{{ genres == null }}|{{ maybe_location != null }}",
        "{{ flag && overview }}|{{ maybe_flag || rank }}|{{ !director || director.name == 'Alien' }}|{{ director && director.age > 40 }}|{{ !(year > 2000) }}|{{ !!tagline }}",

        // Members of nested objects, null-conditional and failing member access.
        "{{ director?.name }}|{{ director?.mentor?.name }}|{{ maybe_location?.x }}|{{ director?.age }}",
        "{{ director.name }} ({{ director.age }})",
        "{{ (director).mentor.age }}|{{ director?.mentor.name }}",

        // Loops.
        "{{ for g in genres }}{{ for.index }}:{{ g }}{{ if !for.last }}, {{ end }}{{ end }}",
        "{{ for k in keywords }}[{{ for.first }}/{{ for.last }}/{{ for.even }}/{{ for.odd }}:{{ k }}]{{ else }}none{{ end }}",
        "{{ for c in counts offset:1 limit:3 }}{{ c }};{{ end }}|{{ for c in counts reversed }}{{ c }};{{ end }}|{{ for c in counts reversed offset:2 limit:2 }}{{ c }}{{ else }}E{{ end }}|{{ for c in counts limit:0 }}{{ c }}{{ end }}",
        "{{ for p in cast }}{{ p?.name }}:{{ for a in p?.aliases }}{{ a }}{{ end }};{{ end }}|{{ for row in matrix }}{{ for x in row }}{{ x }}{{ end }}/{{ end }}|{{ for pt in points }}{{ pt.x }}{{ end }}",
        "{{ for title in genres }}{{ title }}{{ end }}{{ title }}|{{ for g in genre_list }}{{ g }}{{ end }}|{{ for r in ratings }}{{ r }},{{ end }}",
        "{{ for p in cast }}{{ p.name }}{{ end }}",
        "{{ for x in big_list }}{{ end }}ok",
        "{{ for g in genres }}{{ big_list | array.join '' | string.size }},{{ end }}",

        // Functions and pipes.
        "{{ genres | array.join ', ' }}|{{ keywords | array.join '' }}|{{ counts | array.join '-' }}|{{ ratings | array.join ';' }}|{{ genre_list | array.join ' ' }}|{{ tag_set | array.join ',' }}",
        "{{ genres | array.size }}|{{ counts | array.size }}|{{ tag_set | array.size }}|{{ big_list | array.size }}|{{ title | string.size }}|{{ overview | string.size }}|{{ year | string.size }}",
        "{{ title | string.upcase }}|{{ overview | string.downcase }}|{{ tagline | string.strip }}|{{ genre | string.upcase }}|{{ flag | string.upcase }}|{{ score | string.truncate 3 }}",
        "{{ overview | string.truncate 10 }}|{{ overview | string.truncate 2 }}|{{ overview | string.truncate 12 '…' }}|{{ title | string.truncate 0 '' }}|{{ tagline | string.truncate 4 'abcdef' }}",
        "{{ genres | array.join ', ' | string.upcase }}|{{ string.upcase title }}|{{ string.truncate overview 5 }}|{{ (genres | array.size) > 2 }}|{{ overview | string.strip | string.size }}|{{ if (title | string.size) == 0 }}empty{{ end }}",
        "{{ big_list | array.join ',' | string.size }}",

        // Scriban's length limits.
        "{{ huge }}",
        "{{ huge | string.size }}|{{ huge }}",
        "{{ huge_parts | array.join '' | string.size }}|{{ huge_parts | array.join ', ' | string.size }}",
        "{{ huge }}{{ huge }}",
    ];

    private static readonly Lazy<IReadOnlyList<Func<DiffMovie, IPromptInputEncoder?, string>>> Renderers =
        new(() => TemplateCompilations.EncodingRenderers<DiffMovie>(Templates));

    public static TheoryData<int> TemplateNumbers() => [.. Enumerable.Range(0, Templates.Length)];

    [Theory]
    [MemberData(nameof(TemplateNumbers))]
    public void Emitted_code_renders_like_Scriban(int number)
    {
        var factory = new DiffItemFactory(seed: 1000 + number);
        var items = Enumerable.Range(0, ItemsPerTemplate).Select(_ => factory.Next()).ToList();
        var render = Renderers.Value[number];

        // No encoder is the plain RenderPrompt path; an encoder that returns each value as is must change nothing either.
        AssertRendersLikeScriban(Templates[number], item => render(item, null), items);
        AssertRendersLikeScriban(Templates[number], item => render(item, IdentityEncoder.Instance), items);
    }

    [Fact]
    public void Random_templates_render_like_Scriban()
    {
        const int Count = 80;
        var root = TemplateCompilations.TypeOf<DiffMovie>();
        var generator = new RandomTemplates(seed: 7);
        var tried = 0;
        var accepted = new List<string>();
        while (accepted.Count < Count && tried++ < 10 * Count)
        {
            var template = generator.Next();
            if (TemplateCompiler.Compile(template, root, "Prompt").Spec is not null)
            {
                accepted.Add(template);
            }
        }

        Assert.Equal(Count, accepted.Count);
        var renderers = TemplateCompilations.EncodingRenderers<DiffMovie>(accepted);
        var factory = new DiffItemFactory(seed: 99);
        var items = Enumerable.Range(0, 25).Select(_ => factory.Next()).ToList();
        for (var i = 0; i < Count; i++)
        {
            var render = renderers[i];
            AssertRendersLikeScriban(accepted[i], item => render(item, null), items);
            AssertRendersLikeScriban(accepted[i], item => render(item, IdentityEncoder.Instance), items);
        }
    }

    private static void AssertRendersLikeScriban(string text, Func<DiffMovie, string> render, IEnumerable<DiffMovie> items)
    {
        var template = Template.Parse(text);
        var culture = CultureInfo.CurrentCulture;

        // A culture with a comma decimal separator and U+2212 minus: neither renderer may depend on it.
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
        try
        {
            var i = 0;
            foreach (var item in items)
            {
                var expected = Outcome(() => template.Render(item));
                var actual = Outcome(() => render(item));
                if (expected != actual)
                {
                    Assert.Fail($"Template [{Escape(text)}] differs on item {i}.\nScriban: {Show(expected)}\nEmitted: {Show(actual)}");
                }

                i++;
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>The rendered text, or the failure: Scriban's runtime errors and the emitted code's must say the same.</summary>
    private static (string? Text, string? Error) Outcome(Func<string> render)
    {
        try
        {
            return (render(), null);
        }
        catch (ScriptRuntimeException exception)
        {
            return (null, exception.OriginalMessage);
        }
        catch (InvalidOperationException exception)
        {
            return (null, exception.Message);
        }
    }

    private static string Show((string? Text, string? Error) outcome) =>
        outcome.Error is not null ? "error " + outcome.Error
        : outcome.Text!.Length > 300 ? $"{outcome.Text.Length} chars ending [{Escape(outcome.Text[^40..])}]"
        : $"[{Escape(outcome.Text)}]";

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    private sealed class IdentityEncoder : IPromptInputEncoder
    {
        public static readonly IdentityEncoder Instance = new();

        public string Encode(string input, string value) => value;
    }
}
