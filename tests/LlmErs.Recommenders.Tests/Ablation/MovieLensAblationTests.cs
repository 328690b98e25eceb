using System.Diagnostics;
using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;
using LlmErs.Vectors;
using Xunit.Abstractions;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class MovieLensAblationTests(ITestOutputHelper output)
{
    /// <summary>
    /// The runner end to end on the real catalogue's shape (9,724 items), kept short: two blocks from movies.csv (genres
    /// and the release decade; no text model in tests), a few epochs.
    /// </summary>
    [MovieLensFact]
    public void ColdItemSplit_EndToEnd()
    {
        var stopwatch = Stopwatch.StartNew();
        var data = MovieLensDataset.Load(MovieLensFolder.Path!);
        var split = ColdItemSplitter.Split(data.Ratings.Deduplicate().ToImplicit(), new ColdItemSplitOptions { ValidationItemFraction = 0.05 });
        var movies = data.Movies.ToDictionary(movie => movie.Id);
        var items = split.ItemIds.Keys.Select(id => movies[id]).ToArray();
        var genres = items.SelectMany(movie => movie.Genres).Distinct().Order(StringComparer.Ordinal).ToList();
        using var genreBlock = VectorMatrix.Create(OneHot(items, genres.Count, movie => movie.Genres.Select(genre => genres.IndexOf(genre))), genres.Count);
        using var decadeBlock = VectorMatrix.Create(OneHot(items, 14, movie => [Math.Clamp(((movie.Year ?? 1900) - 1890) / 10, 0, 13)]), 14);

        var bpr = new BprOptions { Dimension = 16, Epochs = 3, Seed = 1 };
        var result = new AblationRunner(new AblationOptions
        {
            Models = [AblationModel.IdOnlyBpr(bpr), AblationModel.TwoTower(new TwoTowerOptions { Dimension = 16, Epochs = 3, Seed = 1 })],
            EpochBudget = 3,
            Evaluation = new EvaluationOptions { Metrics = [Metric.Ndcg(10), Metric.Auc], Bootstrap = new BootstrapOptions { Resamples = 50 } },
        }).Run(split, [new FeatureBlock("genres", genreBlock), new FeatureBlock("decade", decadeBlock)]);
        output.WriteLine(result.ToMarkdown());
        output.WriteLine($"{stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(["BPR (ID only)", "Two-tower", "Two-tower without genres", "Two-tower without decade"], result.Rows.Select(row => row.Name));
        var withheld = result["Two-tower"].AmongWithheldItems!.Overall;
        Assert.True(withheld.UserCount > 500, $"{withheld.UserCount} users.");
        Assert.True(withheld[Metric.Auc].Value > result["BPR (ID only)"].AmongWithheldItems!.Overall[Metric.Auc].Value);
    }

    private static float[] OneHot(MovieLensMovie[] items, int columns, Func<MovieLensMovie, IEnumerable<int>> hot)
    {
        var values = new float[items.Length * columns];
        for (var i = 0; i < items.Length; i++)
        {
            foreach (var column in hot(items[i]))
            {
                values[(i * columns) + column] = 1;
            }
        }

        return values;
    }
}
