using LlmErs;
using LlmErs.Samples.Catalog;
using Spectre.Console;

namespace LlmErs.Quickstart;

/// <summary>The sample's console output: progress bars and tables.</summary>
internal static class ConsoleOutput
{
    /// <summary>Runs a stage under a progress bar fed with the number of items done.</summary>
    public static async Task<T> WithProgressAsync<T>(string stage, int total, Func<Action<int>, Task<T>> run)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(stage), maxValue: total);
                result = await run(done => task.Value = Math.Min(done, total));
                task.Value = total;
            });
        return result;
    }

    /// <summary>Runs the offline pipeline under one progress bar per stage, each added when its stage starts.</summary>
    public static async Task<T> WithStageProgressAsync<T>(Func<IProgress<PipelineProgress>, Task<T>> run)
    {
        T result = default!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var starts = new List<(PipelineStage Stage, TimeSpan Start)>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<PipelineStage, ProgressTask>();
                result = await run(new StageProgress(value =>
                {
                    if (!tasks.TryGetValue(value.Stage, out var task))
                    {
                        foreach (var done in tasks.Values)
                        {
                            done.Value = done.MaxValue;
                        }

                        task = tasks[value.Stage] = context.AddTask(value.Stage.ToString(), maxValue: Math.Max(value.Total, 1));
                        starts.Add((value.Stage, clock.Elapsed));
                    }

                    task.MaxValue = Math.Max(value.Total, 1);
                    task.Value = value.Total == 0 ? 1 : Math.Min(value.Done, value.Total);
                    // Batches may take hours before the first item is done: say where they stand meanwhile.
                    task.Description = value.Batch is { } batch ? $"{value.Stage}: {Markup.Escape(batch.ToString())}" : value.Stage.ToString();
                }));
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        // Redirected output shows no elapsed-time column: the stage times are printed once, for comparing runs.
        var ends = starts.Skip(1).Select(s => s.Start).Append(clock.Elapsed);
        Console.WriteLine($"Stage times: {string.Join(", ", starts.Zip(ends, (s, end) => $"{s.Stage} {(end - s.Start).TotalSeconds:F1} s"))}.");
        return result;
    }

    /// <summary>Writes Markdown tables as they are: Spectre would wrap their rows at the console width.</summary>
    public static void ShowMarkdown(string markdown)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
    }

    public static void ShowEnriched(IEnumerable<Movie> movies)
    {
        var table = new Table().Title("[bold]Enriched features[/]")
            .AddColumns("Movie", "Pitch", "Moods", "Family", "Setting", "Pacing", "Sid");
        foreach (var movie in movies)
        {
            table.AddRow(
                Markup.Escape(movie.Title),
                Markup.Escape(movie.Pitch ?? ""),
                Markup.Escape(string.Join(", ", movie.Moods)),
                movie.FamilyFriendly switch { true => "yes", false => "no", null => "?" },
                Markup.Escape(movie.Setting ?? "?"),
                movie.Pacing?.ToString() ?? "?",
                movie.Sid.ToString());
        }

        AnsiConsole.Write(table);
        foreach (var movie in movies)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(movie.Title)}[/] triples: {Markup.Escape(string.Join("; ", movie.Facts.Select(t => $"({t.Relation}, {t.Tail})")))}");
        }
    }

    public static void ShowRecommendations(string user, IReadOnlyList<Movie> history, params (string Title, IEnumerable<(Movie Movie, float Score)> Items)[] lists)
    {
        const int Shown = 10;
        var earlier = history.Count > Shown ? $" (and {history.Count - Shown} earlier)" : "";
        AnsiConsole.MarkupLine($"[bold]User {Markup.Escape(user)}[/] watched, most recent last{earlier}: {Markup.Escape(string.Join("; ", history.TakeLast(Shown).Select(m => m.Title)))}");
        foreach (var (title, items) in lists)
        {
            var table = new Table().Title($"[bold]{Markup.Escape(title)}[/], served without any LLM").AddColumns("Movie", "Genres", "Score");
            foreach (var (movie, score) in items)
            {
                table.AddRow(Markup.Escape(movie.Title), Markup.Escape(string.Join(", ", movie.Genres)), score.ToString("F3"));
            }

            AnsiConsole.Write(table);
        }
    }

    /// <summary>Handles reports on the reporting thread, so the bars follow the stages in order.</summary>
    private sealed class StageProgress(Action<PipelineProgress> report) : IProgress<PipelineProgress>
    {
        public void Report(PipelineProgress value) => report(value);
    }
}
