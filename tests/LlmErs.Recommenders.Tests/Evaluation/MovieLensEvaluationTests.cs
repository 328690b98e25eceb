using System.Diagnostics;
using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;
using Xunit.Abstractions;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class MovieLensEvaluationTests(ITestOutputHelper output)
{
    [MovieLensFact]
    public void Popularity_LeaveOneOutFullRanking_EndToEnd()
    {
        var stopwatch = Stopwatch.StartNew();
        var data = MovieLensDataset.Load(MovieLensFolder.Path!);
        var split = LeaveOneOutSplitter.Split(data.Ratings.Deduplicate());
        var popularity = PopularityRecommender.Fit(split.Train);

        var result = new RankingEvaluator().EvaluateFullRanking(popularity, split);
        output.WriteLine(result.ToMarkdown());
        output.WriteLine($"evaluation {result.Elapsed.TotalMilliseconds:F0} ms, whole test {stopwatch.ElapsedMilliseconds} ms");

        var overall = result.Overall;
        Assert.Equal(610, overall.UserCount);
        Assert.InRange(overall[Metric.Ndcg(10)].Value, 0.01, 0.2);
        Assert.InRange(overall[Metric.Auc].Value, 0.6, 1);
        Assert.InRange(overall[Metric.Gauc].Value, 0.6, 1);
        var cold = result.FindSlice(SliceGroup.ItemPopularity, Slice.ColdName)!;
        Assert.InRange(cold.UserCount, 50, 200);

        // Popularity cannot lift an item with at most 5 training interactions into a top 10 of ~9,700 items.
        Assert.Equal(0, cold[Metric.HitRate(10)].Value);
        Assert.True(result.FindSlice(SliceGroup.ItemPopularity, Slice.HeadName)![Metric.Ndcg(10)].Value > overall[Metric.Ndcg(10)].Value);
    }

    [MovieLensFact]
    public void Popularity_ColdItemSplit_EndToEnd()
    {
        var data = MovieLensDataset.Load(MovieLensFolder.Path!);
        var split = ColdItemSplitter.Split(data.Ratings.Deduplicate());

        var result = new RankingEvaluator(new EvaluationOptions { Bootstrap = new BootstrapOptions { Resamples = 200 } })
            .EvaluateColdItems(PopularityRecommender.Fit(split.Train), split);
        output.WriteLine(result.AmongWithheldItems.ToMarkdown([Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc]));
        output.WriteLine(result.AmongAllItems.ToMarkdown([Metric.Ndcg(10), Metric.Recall(20), Metric.HitRate(10), Metric.Auc]));

        // All withheld items score 0 for popularity: ranked among themselves, only the item index orders them.
        Assert.InRange(result.AmongWithheldItems.Overall[Metric.Gauc].Value, 0.5 - 1e-12, 0.5 + 1e-12);
        Assert.True(result.AmongAllItems.Overall[Metric.Ndcg(10)].Value < result.AmongWithheldItems.Overall[Metric.Ndcg(10)].Value);
    }
}
