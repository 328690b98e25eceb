using LlmErs.Recommenders;
using LlmErs.Tests;
using LlmErs.Vectors;

namespace LlmErs.Recommenders.Tests.Ablation;

public sealed class AblationCacheTests(AblationRuns runs) : IClassFixture<AblationRuns>
{
    [Fact]
    public void AnUnchangedRerun_LoadsEveryTrainedRow_AndGivesTheSameResult()
    {
        using var folder = new TempDirectory();
        var (first, firstTrained) = Run(folder.Path, Fingerprinted("a"), runs.Catalog.Blocks);
        var (second, secondTrained) = Run(folder.Path, Fingerprinted("a"), runs.Catalog.Blocks);

        // Popularity and content only have no training loop; every other row trained once.
        Assert.Equal(runs.LeaveOneOut.Rows.Where(row => row.History is not null).Select(row => row.Name), firstTrained);
        Assert.Empty(secondTrained);
        Assert.Equal(AblationRuns.Numbers(runs.LeaveOneOut), AblationRuns.Numbers(first));
        Assert.Equal(AblationRuns.Numbers(first), AblationRuns.Numbers(second));
        var trainedRows = first.Rows.Zip(second.Rows).Where(pair => pair.First.History is not null).ToList();
        Assert.All(trainedRows, pair =>
        {
            Assert.Equal(pair.First.TrainingTime, pair.Second.TrainingTime);
            Assert.Equal(pair.First.History!.Epochs, pair.Second.History!.Epochs);
            Assert.Equal(pair.First.History with { Epochs = [] }, pair.Second.History! with { Epochs = [] });
        });
    }

    [Fact]
    public void AChangedInput_RetrainsOnlyTheRowsThatReadIt()
    {
        using var folder = new TempDirectory();
        Run(folder.Path, Fingerprinted("a"), runs.Catalog.Blocks);

        var models = Fingerprinted("a").Select(model => model.Name == "Two-tower" ? model.WithFingerprint("b") : model).ToList();
        var (_, newOptions) = Run(folder.Path, models, runs.Catalog.Blocks);
        Assert.Equal(["Two-tower", "Two-tower without informative", "Two-tower without noise"], newOptions);

        var noise = runs.Catalog.Blocks[1].Values;
        var changed = noise.Values.ToArray();
        changed[0] += 1f;
        using var values = VectorMatrix.Create(changed, noise.Dimension);
        var (result, newNoise) = Run(folder.Path, Fingerprinted("a"), [runs.Catalog.Blocks[0], new FeatureBlock("noise", values)]);
        Assert.Equal(
            ["BPR + embedding init", "BPR + embedding init without informative", "Two-tower", "Two-tower without informative",
             "Two-tower + distillation", "Two-tower + distillation without informative"],
            newNoise);
        Assert.Equal(AblationRuns.Numbers(runs.LeaveOneOut, "BPR (ID only)"), AblationRuns.Numbers(result, "BPR (ID only)"));
    }

    [Fact]
    public void AChangedUserBlock_RetrainsOnlyTheRowsThatReadIt()
    {
        using var folder = new TempDirectory();
        const int Dimension = 4;
        var values = Enumerable.Range(0, runs.LeaveOneOutSplit.UserCount * Dimension).Select(i => MathF.Sin(i)).ToArray();
        using var before = VectorMatrix.Create(values, Dimension);
        values[0] += 1f;
        using var after = VectorMatrix.Create(values, Dimension);
        Run(folder.Path, Fingerprinted("a"), [.. runs.Catalog.Blocks, FeatureBlock.ForUsers("user profile", before)]);

        var (_, trained) = Run(folder.Path, Fingerprinted("a"), [.. runs.Catalog.Blocks, FeatureBlock.ForUsers("user profile", after)]);

        Assert.Equal(
            ["Two-tower", "Two-tower without informative", "Two-tower without noise",
             "Two-tower + distillation", "Two-tower + distillation without informative", "Two-tower + distillation without noise"],
            trained);
    }

    [Fact]
    public void ADamagedEntry_IsTrainedAgain()
    {
        using var folder = new TempDirectory();
        Run(folder.Path, Fingerprinted("a"), runs.Catalog.Blocks);
        foreach (var model in Directory.EnumerateFiles(folder.Path, "*.model"))
        {
            File.WriteAllBytes(model, [1, 2, 3]);
        }

        var (result, trained) = Run(folder.Path, Fingerprinted("a"), runs.Catalog.Blocks);

        Assert.Equal(runs.LeaveOneOut.Rows.Where(row => row.History is not null).Select(row => row.Name), trained);
        Assert.Equal(AblationRuns.Numbers(runs.LeaveOneOut), AblationRuns.Numbers(result));
    }

    [Fact]
    public void ModelsWithoutAFingerprint_AlwaysTrain()
    {
        using var folder = new TempDirectory();
        Run(folder.Path, AblationRuns.Models(), runs.Catalog.Blocks);

        var (_, trained) = Run(folder.Path, AblationRuns.Models(), runs.Catalog.Blocks);

        Assert.Equal(runs.LeaveOneOut.Rows.Where(row => row.History is not null).Select(row => row.Name), trained);
        Assert.Empty(Directory.EnumerateFiles(folder.Path));
    }

    /// <summary>
    /// The standard models with their default options are fingerprinted as such, so a rerun of <see cref="AblationModel.Defaults"/>
    /// loads every trained row; given options, a factory method leaves the fingerprint to the caller.
    /// </summary>
    [Fact]
    public void TheStandardModelsWithDefaultOptions_AreReusedOnARerun()
    {
        using var folder = new TempDirectory();
        var models = AblationModel.Defaults();

        var (first, firstTrained) = Run(folder.Path, models, runs.Catalog.Blocks);
        var (second, secondTrained) = Run(folder.Path, models, runs.Catalog.Blocks);

        Assert.Equal(first.Rows.Where(row => row.History is not null).Select(row => row.Name), firstTrained);
        Assert.Equal(10, firstTrained.Count); // ID-only BPR, and three enhanced models with and without each of two blocks
        Assert.Empty(secondTrained);
        Assert.Equal(AblationRuns.Numbers(first), AblationRuns.Numbers(second));
        Assert.Null(AblationModel.TwoTower(new TwoTowerOptions()).Fingerprint);
        Assert.Null(AblationModel.IdOnlyBpr(new BprOptions()).Fingerprint);
    }

    [Fact]
    public void BlockRemovalModels_LimitTheRemovedBlockRowsToThoseModels()
    {
        var options = AblationRuns.Options();
        var result = new AblationRunner(new AblationOptions
        {
            Models = options.Models,
            EpochBudget = options.EpochBudget,
            Patience = options.Patience,
            Evaluation = options.Evaluation,
            BlockRemovalModels = ["Two-tower"],
        }).Run(runs.LeaveOneOutSplit, runs.Catalog.Blocks);

        Assert.Equal(
            ["Popularity", "BPR (ID only)", "Content only", "BPR + embedding init", "Two-tower", "Two-tower without informative", "Two-tower without noise", "Two-tower + distillation"],
            result.Rows.Select(row => row.Name));
        Assert.Equal(AblationRuns.Numbers(runs.LeaveOneOut, "Two-tower without noise"), AblationRuns.Numbers(result, "Two-tower without noise"));

        var unknown = Assert.Throws<ArgumentException>(() => new AblationRunner(new AblationOptions { Models = options.Models, BlockRemovalModels = ["Content only"] }));
        Assert.Contains("'Content only' of BlockRemovalModels is not an enhanced model", unknown.Message, StringComparison.Ordinal);
    }

    private static List<AblationModel> Fingerprinted(string fingerprint) =>
        [.. AblationRuns.Models().Select(model => model.WithFingerprint(fingerprint))];

    /// <summary>Runs the leave-one-out ablation with a cache; returns the result and the rows that trained (those that reported an epoch).</summary>
    private (AblationResult Result, List<string> Trained) Run(string cache, IReadOnlyList<AblationModel> models, IReadOnlyList<FeatureBlock> blocks)
    {
        var options = AblationRuns.Options(models);
        var trained = new List<string>();
        var result = new AblationRunner(new AblationOptions
        {
            Models = options.Models,
            EpochBudget = options.EpochBudget,
            Patience = options.Patience,
            Evaluation = options.Evaluation,
            CacheDirectory = cache,
        }).Run(runs.LeaveOneOutSplit, blocks, new Collector(report =>
        {
            if (report.Epoch is not null && !trained.Contains(report.Name))
            {
                trained.Add(report.Name);
            }
        }));
        return (result, trained);
    }

    private sealed class Collector(Action<AblationProgress> report) : IProgress<AblationProgress>
    {
        public void Report(AblationProgress value) => report(value);
    }
}
