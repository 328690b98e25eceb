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

    /// <summary>The folder of the output folder where the ablation keeps its trained rows for a rerun.</summary>
    public const string AblationCacheFolder = "ablation-cache";

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

    /// <summary>The settings' options with the cache in the output folder.</summary>
    private AblationOptions ForThisRun(AblationOptions options, string outputDirectory) => new()
    {
        Models = options.Models,
        Evaluation = options.Evaluation,
        ValidationMetric = options.ValidationMetric,
        EpochBudget = options.EpochBudget,
        Patience = options.Patience,
        Reference = options.Reference,
        AugmentedPairs = options.AugmentedPairs,
        BlockRemovalModels = options.BlockRemovalModels,
        CacheDirectory = Path.Combine(outputDirectory, AblationCacheFolder),

        // Two rows at once, each on one of the 2 cores: one row on both gains nothing (its steps are too short to share),
        // and no row's numbers change.
        MaxConcurrentRows = 2,
    };

    public async Task<ServedModel> RunAblationAsync(string outputDirectory, MiniLmEmbeddingGenerator embeddings, ChatSetup chat, ViewerProfiles profiles, CancellationToken cancellationToken)
    {
        using var text = await MovieEmbeddings.LoadOrCreateAsync(Movies, embeddings, outputDirectory, cancellationToken);
        var byId = Movies.ToDictionary(movie => movie.Id, StringComparer.Ordinal);

        async Task<AblationResult> Run(string title, DataSplit split, Func<ListwiseTeacherScores, AugmentedPairs, bool, AblationOptions> settings)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine($"[bold]{title}[/]: {split.Train.Count:N0} training, {split.Validation.Count:N0} validation, {split.Test.Count:N0} test interactions");
            var clock = Stopwatch.StartNew();
            double Lap()
            {
                var seconds = clock.Elapsed.TotalSeconds;
                clock.Restart();
                return seconds;
            }

            var teacher = await LlmTeacherRankings.RankAsync(split, byId, chat, outputDirectory, cancellationToken);
            var (ranker, basis) = chat.IsExtractive ? ("the offline client ranked", "by similarity to") : ("the chat model ranked", "given");
            AnsiConsole.MarkupLine($"  LLM teacher: {ranker} the {LlmTeacherRankings.Candidates} most popular unseen movies of each user {basis} their last {LlmTeacherRankings.HistoryLength}");
            var teacherTime = Lap();
            var pairs = await LlmChosenPairs.ChooseAsync(split, byId, chat, outputDirectory, cancellationToken);
            var pairsTime = Lap();
            var options = settings(teacher, pairs, FullAblation);
            using var features = MovieFeatures.Create(split, byId, text, _useTags ? _dataset.LoadTrainingTags(split.Train, cancellationToken) : null);
            var userProfile = await profiles.CreateBlockAsync(split, byId, cancellationToken);
            using var userProfileValues = userProfile.Values;
            var profilesTime = Lap();
            AnsiConsole.MarkupLine($"  feature blocks: {string.Join(", ", features.Blocks.Append(userProfile).Select(block => $"{block.Name} ({block.Values.Dimension})"))}");
            var result = new AblationRunner(ForThisRun(options, outputDirectory), new ConsoleWarnings()).Run(split, [.. features.Blocks, userProfile], new ConsoleProgress(), cancellationToken);
            Console.WriteLine(
                $"  Stage times: LLM teacher {teacherTime:F1} s, LLM-chosen pairs {pairsTime:F1} s, features and viewer profiles {profilesTime:F1} s, rows {Lap():F1} s.");
            return result;
        }

        var leaveOneOutSplit = LeaveOneOutSplitter.Split(Interactions);
        var leaveOneOut = await Run("Leave-one-out by time", leaveOneOutSplit, _settings.LeaveOneOut);
        var coldItem = await Run("Cold-item split", ColdItemSplitter.Split(Interactions, _settings.ColdItemSplit), _settings.ColdItem);
        ConsoleOutput.ShowMarkdown(ResultFiles.Write(outputDirectory, _command, leaveOneOut, coldItem));
        AnsiConsole.MarkupLine("Results: results.md, results.json and ndcg-by-popularity.svg.");
        return ServedModel.From(leaveOneOut, "Two-tower", leaveOneOutSplit);
    }
}
