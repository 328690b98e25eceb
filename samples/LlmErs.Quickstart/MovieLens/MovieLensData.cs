using System.Diagnostics;
using LlmErs.Recommenders;
using LlmErs.Local;
using LlmErs.Samples.Catalog;
using Spectre.Console;

namespace LlmErs.Quickstart.MovieLens;

/// <summary>
/// MovieLens in the ml-latest-small layout: the rows of movies.csv become <see cref="Movie"/>s (title, year and genres;
/// MovieLens has no overview), every rating counts as a positive interaction, and the ablation runs on both protocols.
/// </summary>
internal sealed class MovieLensData : IDataSource
{
    private const string Download = "Download ml-latest-small from https://grouplens.org/datasets/movielens/ (research licence), unzip it, and pass the folder that holds ratings.csv and movies.csv";

    private readonly MovieLensDataset _dataset;
    private readonly bool _useTags;
    private readonly ExperimentSettings _settings;
    private readonly string _command;

    private MovieLensData(MovieLensDataset dataset, IReadOnlyList<Movie> movies, InteractionLog ratings, InteractionLog interactions, bool useTags, ExperimentSettings settings, string command)
    {
        _dataset = dataset;
        Movies = movies;
        Ratings = ratings;
        Interactions = interactions;
        _useTags = useTags;
        _settings = settings;
        _command = command;
    }

    public string Description =>
        $"MovieLens from {_dataset.Directory}: {Movies.Count:N0} movies, {Interactions.Count:N0} ratings of {Interactions.UserCount:N0} users";

    public IReadOnlyList<Movie> Movies { get; }

    /// <summary>Whether the ablation is the full one: the training recipes' rows, and every enhanced model's removed-block rows; by default only <see cref="ExperimentSettings.BlockRemovalModel"/>'s.</summary>
    public bool FullAblation { get; set; }

    public InteractionLog Interactions { get; }

    public InteractionLog? Ratings { get; }

    /// <summary>Reads the folder after checking it holds the files the run needs.</summary>
    /// <param name="directory">The ml-latest-small folder.</param>
    /// <param name="useTags">Whether the ablation gets a block of user tags (tags.csv).</param>
    /// <param name="settings">The splits and models of the two protocols.</param>
    /// <param name="command">The command that repeats the run, written into the results.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="SampleException">The folder or a file is missing, or the files are malformed or inconsistent.</exception>
    public static MovieLensData Load(string directory, bool useTags, ExperimentSettings settings, string command, CancellationToken cancellationToken)
    {
        Validate(directory, useTags);
        MovieLensDataset dataset;
        try
        {
            dataset = MovieLensDataset.Load(directory, cancellationToken);
        }
        catch (DataFormatException e)
        {
            throw new SampleException($"{e.Message} The sample reads the ml-latest-small files as GroupLens ships them.", e);
        }

        Movie[] movies = [.. dataset.Movies.Select(ToMovie)];
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var movie in movies)
        {
            if (!known.Add(movie.Id))
            {
                throw new SampleException($"movies.csv in '{directory}' lists movie {movie.Id} twice; use the file as GroupLens ships it.");
            }
        }

        // Every rating counts as a positive: the user chose to watch the movie, whatever they thought of it afterwards.
        var ratings = dataset.Ratings.Deduplicate();
        var log = ratings.ToImplicit();
        if (log.ItemIds.Keys.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw new SampleException($"Movie {unknown} is rated in ratings.csv but missing from movies.csv in '{directory}'; use the movies.csv that came with the ratings.");
        }

        return new MovieLensData(dataset, movies, ratings, log, useTags, settings, command);
    }

    /// <summary>Checks that <paramref name="directory"/> holds ratings.csv and movies.csv, and tags.csv with <paramref name="useTags"/>.</summary>
    /// <exception cref="SampleException">Something is missing; the message says what and what to do.</exception>
    public static void Validate(string directory, bool useTags)
    {
        var folder = Path.GetFullPath(directory);
        if (!Directory.Exists(folder))
        {
            throw new SampleException($"The MovieLens folder '{folder}' does not exist. {Download} to --movielens.");
        }

        string[] missing = [.. new[] { "ratings.csv", "movies.csv" }.Where(file => !File.Exists(Path.Combine(folder, file)))];
        if (missing.Length > 0)
        {
            // Pointing at the folder the archive was unzipped into, one level too high, is the usual slip.
            var inside = Directory.EnumerateDirectories(folder).FirstOrDefault(sub => File.Exists(Path.Combine(sub, "ratings.csv")));
            throw new SampleException(
                $"The MovieLens folder '{folder}' has no {string.Join(" and no ", missing)}. " +
                (inside is null ? $"{Download} to --movielens." : $"Its subfolder '{inside}' has the ratings: pass --movielens {inside}."));
        }

        if (useTags && !File.Exists(Path.Combine(folder, "tags.csv")))
        {
            throw new SampleException($"The MovieLens folder '{folder}' has no tags.csv, which --tags reads. Run without --tags, or pass a complete ml-latest-small folder.");
        }
    }

    /// <summary>A MovieLens movie as a catalog movie, ready for enrichment.</summary>
    public static Movie ToMovie(MovieLensMovie movie) => new() { Id = movie.Id, Title = movie.Title, Year = movie.Year, Genres = movie.Genres };

    public async Task<ServedModel> RunAblationAsync(string outputDirectory, MiniLmEmbeddingGenerator embeddings, ChatSetup chat, ViewerProfiles profiles, CancellationToken cancellationToken)
    {
        using var text = await MovieEmbeddings.LoadOrCreateAsync(Movies, embeddings, outputDirectory, cancellationToken);
        var byId = Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);

        // Two rows at once across both protocols, each on one of the 2 cores: one row on both gains nothing (its steps are
        // too short to share), and no row's numbers change.
        using var slots = new AblationRowSlots(2);
        var run = new AblationRun(Path.Combine(outputDirectory, IDataSource.AblationCacheFolder), slots);

        async Task<ProtocolInputs> PrepareAsync(
            string title, DataSplit split, Func<ListwiseTeacherScores, AugmentedPairs, bool, AblationRun, AblationOptions> settings, IAnsiConsole console, CancellationToken cancellationToken)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{title}[/]: {split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions");
            var clock = Stopwatch.StartNew();
            double Lap()
            {
                var seconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                return seconds;
            }

            var teacher = await LlmTeacherRankings.RankAsync(split, byId, chat, outputDirectory, cancellationToken);
            var (ranker, basis) = chat.IsExtractive ? ("the offline client ranked", "by similarity to") : ("the chat model ranked", "given");
            console.MarkupLine($"  LLM teacher: {ranker} the {LlmTeacherRankings.Candidates} most popular unseen movies of each user {basis} their last {LlmTeacherRankings.HistoryLength}");
            var teacherTime = Lap();
            var pairs = await LlmChosenPairs.ChooseAsync(split, byId, chat, outputDirectory, console, cancellationToken);
            var pairsTime = Lap();
            var options = settings(teacher, pairs, FullAblation, run);
            // The profiles first: they ask the model and may fail, and a failure then leaves no block undisposed.
            var userProfile = await profiles.CreateBlockAsync(split, byId, console, cancellationToken);
            var features = MovieFeatures.Create(split, byId, text, _useTags ? _dataset.LoadTrainingTags(split.Train, cancellationToken) : null);
            var inputs = new ProtocolInputs(
                split, options, features, userProfile, $"LLM teacher {teacherTime:F1} s, LLM-chosen pairs {pairsTime:F1} s, features and viewer profiles {Lap():F1} s");
            console.MarkupLine($"  feature blocks: {string.Join(", ", inputs.Blocks.Select(block => $"{block.Name} ({block.Values.Dimension})"))}");
            return inputs;
        }

        AblationResult Train(ProtocolInputs inputs, HeldConsole? held, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var output = held?.Out ?? Console.Out;
            var result = new AblationRunner(inputs.Options, new ConsoleWarnings(output)).Run(inputs.Split, inputs.Blocks, new ConsoleProgress(held), cancellationToken);
            output.WriteLine($"  Stage times{(held is null ? "" : " (beside the rows above)")}: {inputs.PreparationTimes}, rows {clock.Elapsed.TotalSeconds:F1} s.");
            return result;
        }

        var leaveOneOutSplit = LeaveOneOutSplitter.Split(Interactions);
        using var leaveOneOutInputs = await PrepareAsync("Leave-one-out by time", leaveOneOutSplit, _settings.LeaveOneOut, AnsiConsole.Console, cancellationToken);

        // The cold-item split is prepared (mostly the local model's work) and trained while the leave-one-out rows train,
        // whose last rows would leave a core idle; its lines wait until those rows are done.
        var held = new HeldConsole(Console.Out, AnsiConsole.Profile);
        var (leaveOneOut, coldItem) = await SideBySide.RunAsync(
            token => Task.Run(
                () =>
                {
                    // Released on failure too: what the cold-item split printed so far says how far it got.
                    try
                    {
                        return Train(leaveOneOutInputs, null, token);
                    }
                    finally
                    {
                        held.Release();
                    }
                },
                token),
            async token =>
            {
                using var inputs = await PrepareAsync("Cold-item split", ColdItemSplitter.Split(Interactions, _settings.ColdItemSplit), _settings.ColdItem, held.Console, token);
                return await Task.Run(() => Train(inputs, held, token), token);
            },
            cancellationToken);
        ConsoleOutput.ShowMarkdown(ResultFiles.Write(outputDirectory, _command, leaveOneOut, coldItem));
        AnsiConsole.MarkupLine("Results: results.md, results.json and ndcg-by-popularity.svg.");
        return ServedModel.From(leaveOneOut, "Two-tower", leaveOneOutSplit);
    }
}
