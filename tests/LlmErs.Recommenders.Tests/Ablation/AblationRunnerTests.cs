using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class AblationRunnerTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    private static readonly Metric Ndcg = Metric.Ndcg(10);

    [Fact]
    public void EveryBaselineAndVariant_HasARow_AndEachVariantOneRowPerRemovedBlock()
    {
        string[] expected =
        [
            "Popularity", "BPR (ID only)", "Content only",
            "BPR + embedding init", "BPR + embedding init without informative", "BPR + embedding init without noise",
            "Two-tower", "Two-tower without informative", "Two-tower without noise",
            "Two-tower + distillation", "Two-tower + distillation without informative", "Two-tower + distillation without noise",
        ];

        foreach (var result in new[] { runs.LeaveOneOut, runs.ColdItem })
        {
            Assert.Equal(expected, result.Rows.Select(row => row.Name));
            Assert.Equal(
                [AblationRowKind.Baseline, AblationRowKind.Baseline, AblationRowKind.Baseline, AblationRowKind.Enhanced, AblationRowKind.BlockRemoved, AblationRowKind.BlockRemoved],
                result.Rows.Take(6).Select(row => row.Kind));
            Assert.Equal(["informative", "noise"], result.Rows.Select(row => row.RemovedBlock).OfType<string>().Distinct());
            Assert.Empty(result["BPR (ID only)"].Blocks);
            Assert.Equal(["informative", "noise"], result["Content only"].Blocks);
            Assert.Equal(["noise"], result["Two-tower without informative"].Blocks);
            Assert.Same(result["BPR (ID only)"], result.Reference);
        }

        Assert.All(runs.LeaveOneOut.Rows, row => Assert.Null(row.AmongWithheldItems));
        Assert.All(runs.ColdItem.Rows, row => Assert.NotNull(row.AmongWithheldItems));
    }

    [Fact]
    public void TheSameSeeds_GiveTheSameNumbers()
    {
        var again = runs.Run(runs.ColdItemSplit);

        Assert.Equal(AblationRuns.Numbers(runs.ColdItem), AblationRuns.Numbers(again));
        Assert.Equal(
            runs.ColdItem.Rows.Select(row => row.History?.BestEpoch),
            again.Rows.Select(row => row.History?.BestEpoch));
    }

    [Fact]
    public void RemovingTheInformativeBlock_Hurts_AndTheFeaturesBeatIdOnlyOnWithheldItems()
    {
        var result = runs.ColdItem;
        double Withheld(string row) => result[row].AmongWithheldItems!.Overall[Ndcg].Value;

        foreach (var variant in new[] { "Two-tower", "Two-tower + distillation" })
        {
            Assert.True(
                Withheld(variant) > Withheld($"{variant} without informative") + 0.1,
                $"{variant}: NDCG@10 {Withheld(variant):F3} with every block, {Withheld($"{variant} without informative"):F3} without the informative one.");
            Assert.True(
                Withheld($"{variant} without noise") > Withheld($"{variant} without informative"),
                $"{variant}: without noise {Withheld($"{variant} without noise"):F3}, without the informative block {Withheld($"{variant} without informative"):F3}.");
        }

        var (twoTower, idOnly) = (result["Two-tower"].AmongWithheldItems!.Overall[Ndcg], result["BPR (ID only)"].AmongWithheldItems!.Overall[Ndcg]);
        Assert.True(twoTower.IsSeparatedFrom(idOnly) && twoTower.Value > idOnly.Value, $"Two-tower {twoTower}, ID only {idOnly}.");
    }

    [Fact]
    public void AModel_IsGivenTheKeptBlocks_EachScaledToItsWeight()
    {
        var seen = new List<(string[] Blocks, int Columns, double[] BlockNorms)>();
        var recorder = new AblationModel("Recorder", AblationModelKind.Enhanced, usesFeatures: true, (context, _) =>
        {
            var features = context.ItemFeatures!;
            var norms = new List<double>();
            for (var block = 0; block < context.Blocks.Count; block++)
            {
                // Both blocks have 8 columns.
                norms.Add(RootMeanSquareNorm(features, block * 8, 8));
            }

            seen.Add(([.. context.Blocks], features.Dimension, [.. norms]));
            return new AblationFit(PopularityRecommender.Fit(context.Split.Train), null);
        });
        using var doubled = VectorMatrix.Create(runs.Catalog.Blocks[1].Values.Values, 8);
        FeatureBlock[] blocks = [runs.Catalog.Blocks[0], new FeatureBlock("noise", doubled, weight: 2)];

        new AblationRunner(AblationRuns.Options([recorder], reference: null)).Run(runs.LeaveOneOutSplit, blocks);

        Assert.Equal(new[] { new[] { "informative", "noise" }, ["noise"], ["informative"] }, seen.Select(s => s.Blocks));
        Assert.Equal([16, 8, 8], seen.Select(s => s.Columns));
        Assert.Equal(1, seen[0].BlockNorms[0], 4);
        Assert.Equal(2, seen[0].BlockNorms[1], 4);
        Assert.Equal(2, seen[1].BlockNorms[0], 4);
    }

    [Fact]
    public void WithASingleBlock_NoRowRemovesIt()
    {
        var result = new AblationRunner(AblationRuns.Options([AblationModel.Popularity(), AblationRuns.Models()[4]], reference: null))
            .Run(runs.LeaveOneOutSplit, [runs.Catalog.Blocks[0]]);

        Assert.Equal(["Popularity", "Two-tower"], result.Rows.Select(row => row.Name));
    }

    [Fact]
    public void Progress_ReportsEveryRow_InOrder_WithItsEpochs()
    {
        var reports = new List<AblationProgress>();
        new AblationRunner(AblationRuns.Options([AblationModel.Popularity(), AblationRuns.Models()[1]]))
            .Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks, new Collector(reports));

        Assert.Equal([AblationStage.Training, AblationStage.Evaluating, AblationStage.Finished], reports.Where(r => r.Row == 1).Select(r => r.Stage));
        var bpr = reports.Where(r => r.Row == 2).ToArray();
        Assert.All(reports, r => Assert.Equal(2, r.RowCount));
        Assert.Equal(bpr[^1].Result!.History!.Epochs.Count, bpr.Count(r => r.Epoch is not null));
        Assert.Equal("BPR (ID only)", bpr[^1].Result!.Name);
        Assert.Equal(reports.Select(r => r.Row).Order(), reports.Select(r => r.Row));
    }

    [Fact]
    public void ACancelledRun_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => runs.Run(runs.LeaveOneOutSplit, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void BlocksThatDoNotFitTheSplit_AreRejected()
    {
        var runner = new AblationRunner(AblationRuns.Options());
        using var short_ = VectorMatrix.Create(new float[8 * 3], 8);
        using var zeros = VectorMatrix.Create(new float[8 * runs.Catalog.Log.ItemCount], 8);
        var informative = runs.Catalog.Blocks[0];

        var wrongRows = Assert.Throws<ArgumentException>(() => runner.Run(runs.LeaveOneOutSplit, [informative, new FeatureBlock("short", short_)]));
        Assert.Contains("'short' has 3 rows", wrongRows.Message, StringComparison.Ordinal);
        var repeated = Assert.Throws<ArgumentException>(() => runner.Run(runs.LeaveOneOutSplit, [informative, informative]));
        Assert.Contains("Two feature blocks are named 'informative'", repeated.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => runner.Run(runs.LeaveOneOutSplit, [informative, new FeatureBlock("zeros", zeros)]));
        var none = Assert.Throws<ArgumentException>(() => runner.Run(runs.LeaveOneOutSplit, []));
        Assert.Contains("'Content only' uses item features", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new AblationRunner(AblationRuns.Options([AblationModel.Popularity(), AblationModel.Popularity()])));
        Assert.Throws<ArgumentException>(() => new AblationRunner(AblationRuns.Options([AblationModel.Popularity()])));
        Assert.Throws<ArgumentException>(() => new AblationRunner(new AblationOptions { Models = [] }));
        Assert.Throws<ArgumentException>(() => new AblationModel("No features", AblationModelKind.Enhanced, usesFeatures: false, (_, _) => throw new InvalidOperationException()));
    }

    private static double RootMeanSquareNorm(VectorMatrix features, int start, int count)
    {
        var sum = 0.0;
        for (var row = 0; row < features.Count; row++)
        {
            foreach (var value in features.GetRow(row).Slice(start, count))
            {
                sum += value * value;
            }
        }

        return Math.Sqrt(sum / features.Count);
    }

    private sealed class Collector(List<AblationProgress> reports) : IProgress<AblationProgress>
    {
        public void Report(AblationProgress value) => reports.Add(value);
    }
}
