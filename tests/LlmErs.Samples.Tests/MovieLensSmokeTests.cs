using System.Diagnostics;
using System.Text.Json;
using LlmErs.Recommenders;
using LlmErs.Local;
using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;
using Xunit.Abstractions;

namespace LlmErs.Samples.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class MovieLensSmokeTests(ITestOutputHelper log)
{
    private const int MovieCount = 60;

    /// <summary>Both protocols with short training and few resamples: the wiring is under test, not the numbers.</summary>
    private static readonly ExperimentSettings Quick = new((_, _, _, run) => Options(run), (_, _, _, run) => Options(run), new ColdItemSplitOptions { TestItemFraction = 0.1, ValidationItemFraction = 0.05, Seed = 1 });

    /// <summary>
    /// The whole sample on the first movies of ml-latest-small with their ratings and tags, copied to a temporary folder:
    /// loading, offline enrichment, embeddings, semantic IDs, feature files, serving, and the ablation on both protocols.
    /// </summary>
    [MovieLensFact]
    public async Task WholeSample_RunsOnASubset()
    {
        var stopwatch = Stopwatch.StartNew();
        using var data = new TempDirectory();
        using var output = new TempDirectory();
        WriteSubset(MovieLensFolder.Path!, data.Path, MovieCount);

        var movieLens = MovieLensData.Load(data.Path, useTags: true, Quick, "the command", CancellationToken.None);
        Assert.Equal(MovieCount, movieLens.Movies.Count);

        using var embeddings = new MiniLmEmbeddingGenerator();
        using var chat = ChatSetup.Create(null, embeddings);
        var report = await new Pipeline(chat, embeddings).RunAsync(movieLens.Movies, output.Path, CancellationToken.None);
        Assert.Equal(MovieCount, report.Enrichment.Succeeded);
        Assert.All(movieLens.Movies, movie =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, movie.Content.Length);
            Assert.NotEmpty(movie.Moods);
            Assert.NotEqual(default, movie.Sid);
        });
        Assert.All(["movies.parquet", "movies.jsonl", "triples.parquet", "movies.vec", "governance.json", "governance.md", "report.json", "manifest.json", "cache.db"], file => Assert.True(File.Exists(output.File(file)), file));
        AssertFeatureRowsAreComplete(output.File("movies.jsonl"));
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(output.File("manifest.json"))))
        {
            Assert.Equal(MiniLmEmbeddingGenerator.ModelId, manifest.RootElement.GetProperty("embeddingModel").GetString());
            Assert.Equal(
                ["movies.parquet", "movies.jsonl", "triples.parquet", "movies.vec", "Sid.codebook", "Sid.ids.json", "governance.json", "governance.md", "report.json"],
                manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        }

        var (user, history) = OnlineServing.ExampleUser(movieLens.Interactions);
        var byContent = OnlineServing.RecommendByContent(history, output.File("movies.vec"), count: 5);
        Assert.Equal(5, byContent.Count);
        Assert.DoesNotContain(byContent, recommendation => history.Contains(recommendation.ItemId));

        var served = await movieLens.RunAblationAsync(output.Path, embeddings, chat, new ViewerProfiles(chat, embeddings, output.Path, movieLens.Ratings), CancellationToken.None);
        var servingFolder = OnlineServing.Export(served, output.Path, CancellationToken.None);
        var byModel = OnlineServing.RecommendForUser(servingFolder, user, count: 5);
        Assert.Equal(5, byModel.Count);
        Assert.DoesNotContain(byModel, recommendation => history.Contains(recommendation.ItemId));
        Assert.True(File.Exists(output.File(OnlineServing.ModelFileName)));
        var results = File.ReadAllText(output.File("results.md"));
        Assert.Contains("Reproduce with `the command`.", results);
        // Two epochs: every trained row peaks by epoch 2, so the runner marks it as barely trained.
        Assert.Contains("| Two-tower without LLM slots ⚠ | text embedding, genres, KG entities, tags, user profile |", results);
        Assert.Contains("| Two-tower without KG entities ⚠ | text embedding, genres, LLM slots, tags, user profile |", results);
        Assert.Contains("| Two-tower without tags ⚠ | text embedding, genres, LLM slots, KG entities, user profile |", results);
        Assert.Contains("| Two-tower without user profile ⚠ | text embedding, genres, LLM slots, KG entities, tags |", results);
        Assert.Contains("**Warnings**", results);
        Assert.All(["results.json", "ndcg-by-popularity.svg"], file => Assert.True(File.Exists(output.File(file)), file));
        log.WriteLine($"{stopwatch.ElapsedMilliseconds} ms");
    }

    /// <summary>Every row has its vector and semantic ID filled, and a status column per derived field.</summary>
    private static void AssertFeatureRowsAreComplete(string path)
    {
        var rows = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(MovieCount, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, row.GetProperty("Content").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(row.GetProperty("Sid").GetString()));
            Assert.All(["Pitch", "Moods", "FamilyFriendly", "Pacing", "Setting", "Content", "Sid"], field =>
                Assert.Matches("^(ok|unknown)$", row.GetProperty(field + "_status").GetString()));
        });
    }

    private static AblationOptions Options(AblationRun run) => new()
    {
        Models =
        [
            AblationModel.IdOnlyBpr(new BprOptions { Dimension = 8, Epochs = 2, Seed = 1 }),
            AblationModel.TwoTower(new TwoTowerOptions { Dimension = 8, Epochs = 2, Seed = 1 }),
        ],
        EpochBudget = 2,
        Evaluation = new EvaluationOptions { Metrics = [Metric.Ndcg(10), Metric.Auc], Bootstrap = new BootstrapOptions { Resamples = 20 } },
        CacheDirectory = run.CacheDirectory,
        RowSlots = run.Slots,
    };

    /// <summary>The first movies of movies.csv, and the lines of ratings.csv and tags.csv about them (the movie id is their second field).</summary>
    private static void WriteSubset(string source, string target, int movies)
    {
        var lines = File.ReadLines(Path.Combine(source, "movies.csv")).Take(movies + 1).ToList();
        var ids = lines.Skip(1).Select(line => line[..line.IndexOf(',')]).ToHashSet(StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(target, "movies.csv"), lines);
        foreach (var file in new[] { "ratings.csv", "tags.csv" })
        {
            File.WriteAllLines(
                Path.Combine(target, file),
                File.ReadLines(Path.Combine(source, file)).Where((line, i) => i == 0 || ids.Contains(line.Split(',')[1])));
        }
    }
}
