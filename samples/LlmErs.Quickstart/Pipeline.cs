using LlmErs.Samples.Catalog;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>The sample's console output: progress bars and tables.</summary>
internal static class Pipeline
{
    /// <summary>Runs a stage under a progress bar fed with the number of items done.</summary>
    public static async Task<T> WithProgressAsync<T>(string stage, int total, Func<Action<int>, Task<T>> run)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(stage, maxValue: total);
                result = await run(done => task.Value = Math.Min(done, total));
                task.Value = total;
            });
        return result;
    }

    public static void ShowEnriched(IEnumerable<Movie> movies)
    {
        var table = new Table().Title("[bold]Enriched features (offline)[/]")
            .AddColumns("Movie", "Pitch", "Moods", "Setting", "Pacing", "Sid");
        foreach (var movie in movies)
        {
            table.AddRow(
                Markup.Escape(movie.Title),
                Markup.Escape(movie.Pitch ?? ""),
                Markup.Escape(string.Join(", ", movie.Moods)),
                Markup.Escape(movie.Setting ?? "?"),
                movie.Pacing?.ToString() ?? "?",
                movie.Sid.ToString());
        }

        AnsiConsole.Write(table);
    }

    public static void ShowRecommendations(string viewer, IEnumerable<Movie> history, IEnumerable<(Movie Movie, float Score)> recommendations)
    {
        AnsiConsole.MarkupLine($"[bold]{viewer}[/] watched: {Markup.Escape(string.Join("; ", history.Select(m => m.Title)))}");
        var table = new Table().Title("[bold]Recommended, served without any LLM[/]").AddColumns("Movie", "Genres", "Score");
        foreach (var (movie, score) in recommendations)
        {
            table.AddRow(Markup.Escape(movie.Title), Markup.Escape(string.Join(", ", movie.Genres)), score.ToString("F3"));
        }

        AnsiConsole.Write(table);
    }
}
