using LlmErs;
using LlmErs.Samples.Catalog;
using Spectre.Console;

// What the generator built for Movie at compile time: derived fields in dependency order, each with its
// compiled prompt, JSON schema, fingerprint and parser. No LLM, network or key is involved.
var model = Enrichment.ModelOf<Movie>();
var movie = SampleMovies.All[0];

var fields = new Table().Title($"[bold]{model.TypeName}[/]: derived fields in dependency order")
    .AddColumns("Field", "Kind", "Depends on", "Fingerprint");
foreach (var field in model.Fields)
{
    fields.AddRow(field.Name, field.Kind.ToString(), string.Join(", ", field.DependsOn), field.Fingerprint[..12]);
}

AnsiConsole.Write(fields);

foreach (var field in model.LlmFields)
{
    AnsiConsole.Write(new Rule($"[bold]{field.Name}[/] for {Markup.Escape(model.KeyOf(movie))}").LeftJustified());
    AnsiConsole.MarkupLine($"[grey]prompt:[/] {Markup.Escape(field.RenderPrompt(movie))}");
    AnsiConsole.MarkupLine($"[grey]schema:[/] {Markup.Escape(field.JsonSchema)}");
}

// Answers are validated by the generated parsers; an invalid one yields the message that would be sent back to the model.
var moods = (LlmField<Movie>)model.Field(nameof(Movie.Moods));
AnsiConsole.Write(new Rule("[bold]Validating answers[/]").LeftJustified());
foreach (var answer in new[] { """{"value": ["Romantic", "thoughtful"]}""", """{"value": ["cozy"]}""", "```json\n{\"value\": []}\n```" })
{
    var verdict = moods.TryApply(movie, answer, out var error)
        ? $"[green]accepted[/] → Moods = {Markup.Escape(string.Join(", ", movie.Moods))}"
        : $"[red]re-ask:[/] {Markup.Escape(error)}";
    AnsiConsole.MarkupLine($"{Markup.Escape(answer.ReplaceLineEndings(" "))}  {verdict}");
}
