using LlmErs.Quickstart;
using LlmErs.Quickstart.MovieLens;
using LlmErs.Recommenders;
using LlmErs.Vectors;

namespace LlmErs.Samples.Tests;

public sealed class ExperimentSettingsTests
{
    private static readonly ListwiseTeacherScores Teacher = ListwiseTeacherScores.Create(2, 3, [(0, [0, 1]), (1, [2, 1])]);
    private static readonly AugmentedPairs Pairs = new() { Pairs = [new TrainingPair(0, 0, 1)] };

    public static TheoryData<string> Protocols => ["leave-one-out", "cold item"];

    [Theory]
    [MemberData(nameof(Protocols))]
    public void ByDefault_EveryLlmDerivedInputHasItsRow_AndOnlyTheTwoTowerModelLosesBlocks(string protocol)
    {
        var options = Settings(protocol)(Teacher, Pairs, false, AblationRun.None);

        Assert.Equal(
            ["Popularity", "BPR (ID only)", ExperimentSettings.BprWithPairsName, "Content only", ExperimentSettings.BlockRemovalModel, "Two-tower distilled from the LLM teacher"],
            options.Models.Select(model => model.Name));
        Assert.Equal([ExperimentSettings.BlockRemovalModel], options.BlockRemovalModels);
        Assert.Same(Pairs, options.AugmentedPairs);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void TheFullAblation_AddsTheTrainingRecipes_AndEveryModelsRemovedBlocks(string protocol)
    {
        var lean = Settings(protocol)(Teacher, Pairs, false, AblationRun.None).Models.Select(model => model.Name).ToList();
        var full = Settings(protocol)(Teacher, Pairs, true, AblationRun.None);

        Assert.Equal(["BPR distilled from the LLM teacher", "BPR + embedding init", "Two-tower + distillation"], full.Models.Select(model => model.Name).Except(lean));
        Assert.Empty(lean.Except(full.Models.Select(model => model.Name)));
        Assert.Null(full.BlockRemovalModels);
    }

    [Fact]
    public void EmbeddingBlocks_KeepTheLeadingPrincipalComponents_OneRowPerInputRow()
    {
        var random = new Random(3);
        var values = new float[200 * 384];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        using var reduced = EmbeddingBlocks.Reduce(VectorMatrix.Create(values, 384));
        using var few = EmbeddingBlocks.Reduce(VectorMatrix.Create(values.AsSpan(0, 200 * 16).ToArray(), 16));

        Assert.Equal((200, EmbeddingBlocks.Components), (reduced.Count, reduced.Dimension));
        Assert.Equal((200, 16), (few.Count, few.Dimension));

        // Strongest first: the first component's variance is at least the last one's.
        double Variance(VectorMatrix matrix, int column) => Enumerable.Range(0, matrix.Count).Select(row => (double)matrix.GetRow(row)[column]).Select(v => v * v).Average();
        Assert.True(Variance(reduced, 0) >= Variance(reduced, EmbeddingBlocks.Components - 1));
    }

    private static Func<ListwiseTeacherScores, AugmentedPairs, bool, AblationRun, AblationOptions> Settings(string protocol) =>
        protocol == "leave-one-out" ? ExperimentSettings.Tuned.LeaveOneOut : ExperimentSettings.Tuned.ColdItem;
}
