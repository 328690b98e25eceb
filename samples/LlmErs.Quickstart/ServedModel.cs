using LlmErs.Recommenders;

namespace LlmErs.Quickstart;

/// <summary>The trained light model the sample serves, with the split it was trained and evaluated on.</summary>
/// <param name="Name">The ablation row it comes from.</param>
/// <param name="Model">The model.</param>
/// <param name="Split">Its split: the export keeps the evaluator's item order and masks what each user has seen.</param>
internal sealed record ServedModel(string Name, TwoTowerModel Model, DataSplit Split)
{
    /// <summary>The model of the row named <paramref name="name"/> in a leave-one-out <paramref name="ablation"/> on <paramref name="split"/>.</summary>
    public static ServedModel From(AblationResult ablation, string name, DataSplit split) =>
        ablation[name].Scorer is TwoTowerModel model
            ? new ServedModel(name, model, split)
            : throw new InvalidOperationException($"The ablation row '{name}' is not a two-tower model.");
}
