using LlmErs.Recommenders;
using LlmErs.Recommenders.Tests.Data;

namespace LlmErs.Recommenders.Tests.Evaluation;

public sealed class ColdItemEvaluationTests
{
    [Fact]
    public void ColdItems_AreRankedAmongWithheldItems_AndAmongAllItems()
    {
        var split = ColdItemSplitter.Split(Logs.Random(users: 90, items: 100, perUser: 10, seed: 41), new ColdItemSplitOptions { Seed = 3 });
        var scorer = TableScorer.RandomWithTies(split.UserCount, split.ItemCount, seed: 42);
        var metrics = new[] { Metric.Ndcg(10), Metric.Recall(5), Metric.Mrr(), Metric.Auc, Metric.Gauc };
        var masked = UserItemMatrix.Create(split.Train, split.Validation);
        var relevant = UserItemMatrix.Create(split.Test);

        var result = new RankingEvaluator(new EvaluationOptions { Metrics = metrics, Bootstrap = new BootstrapOptions { Resamples = 0 } })
            .EvaluateColdItems(scorer, split);
        var amongWithheld = ReferenceEvaluation.Overall(metrics, scorer, relevant, _ => split.WithheldTestItems);
        var amongAll = ReferenceEvaluation.Overall(metrics, scorer, relevant, user => Enumerable.Range(0, split.ItemCount).Where(item => !masked.Contains(user, item)));

        foreach (var metric in metrics)
        {
            Assert.Equal(amongWithheld[metric], result.AmongWithheldItems.Overall[metric].Value, 10);
            Assert.Equal(amongAll[metric], result.AmongAllItems.Overall[metric].Value, 10);
        }

        // Withheld items have no training interaction: every test case is in the cold slice.
        var cold = result.AmongWithheldItems.FindSlice(SliceGroup.ItemPopularity, Slice.ColdName)!;
        Assert.Equal(result.AmongWithheldItems.Overall.TestCaseCount, cold.TestCaseCount);
        Assert.Contains($"among the {split.WithheldTestItems.Count} withheld test items only", result.AmongWithheldItems.Description);
    }

    [Fact]
    public void ModelSelection_RanksAmongTheWithheldItemsOnAColdItemSplit_FullRankingOtherwise_ForEveryScorerAskedAbout()
    {
        var evaluator = new RankingEvaluator(new EvaluationOptions { Metrics = [Metric.Ndcg(10)], Bootstrap = new BootstrapOptions { Resamples = 0 } });
        var coldItem = ColdItemSplitter.Split(Logs.Random(users: 90, items: 100, perUser: 10, seed: 41), new ColdItemSplitOptions { ValidationItemFraction = 0.1, Seed = 3 });
        var leaveOneOut = LeaveOneOutSplitter.Split(Logs.Random(users: 60, items: 80, perUser: 8, seed: 44));
        var amongWithheld = evaluator.ModelSelection(coldItem, EvaluationTarget.Validation, CancellationToken.None);
        var fullRanking = evaluator.ModelSelection(leaveOneOut, EvaluationTarget.Validation, CancellationToken.None);

        // Several models in turn, as early stopping asks after each epoch: the candidates are built once, the answers are each model's.
        foreach (var seed in new[] { 45, 46, 47 })
        {
            var coldScorer = TableScorer.RandomWithTies(coldItem.UserCount, coldItem.ItemCount, seed);
            var expected = evaluator.EvaluateColdItems(coldScorer, coldItem, EvaluationTarget.Validation).AmongWithheldItems;
            var actual = amongWithheld(coldScorer);
            Assert.Equal(expected.Overall[Metric.Ndcg(10)].Value, actual.Overall[Metric.Ndcg(10)].Value);
            Assert.Equal(expected.Description, actual.Description);

            var scorer = TableScorer.RandomWithTies(leaveOneOut.UserCount, leaveOneOut.ItemCount, seed);
            Assert.Equal(
                evaluator.EvaluateFullRanking(scorer, leaveOneOut, EvaluationTarget.Validation).Overall[Metric.Ndcg(10)].Value,
                fullRanking(scorer).Overall[Metric.Ndcg(10)].Value);
        }
    }

    [Fact]
    public void ColdItems_NeedAColdItemSplit()
    {
        var split = LeaveOneOutSplitter.Split(Logs.Random(users: 20, items: 30, perUser: 5, seed: 43));
        var error = Assert.Throws<ArgumentException>(() => new RankingEvaluator().EvaluateColdItems(PopularityRecommender.Fit(split.Train), split));
        Assert.Contains("ColdItemSplitter", error.Message);
    }
}
