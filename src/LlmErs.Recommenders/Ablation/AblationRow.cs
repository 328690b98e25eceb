
namespace LlmErs.Recommenders;

/// <summary>One trained and evaluated model of an ablation.</summary>
public sealed class AblationRow
{
    internal AblationRow(
        string name,
        AblationModel model,
        AblationRowKind kind,
        string? removedBlock,
        IReadOnlyList<string> blocks,
        AblationFit fit,
        EvaluationResult ranking,
        EvaluationResult? amongWithheldItems,
        TimeSpan trainingTime)
    {
        Name = name;
        Model = model.Name;
        Kind = kind;
        RemovedBlock = removedBlock;
        Blocks = blocks;
        Scorer = fit.Scorer;
        History = fit.History;
        Ranking = ranking;
        AmongWithheldItems = amongWithheldItems;
        TrainingTime = trainingTime;
    }

    /// <summary>The row's name: the model's, followed by <c>without</c> and the block for a removed block.</summary>
    public string Name { get; }

    /// <summary>The name of the <see cref="AblationModel"/>.</summary>
    public string Model { get; }

    /// <summary>Whether the row is a baseline, an enhanced variant, or a variant with a block removed.</summary>
    public AblationRowKind Kind { get; }

    /// <summary>The block left out, for <see cref="AblationRowKind.BlockRemoved"/>; otherwise <see langword="null"/>.</summary>
    public string? RemovedBlock { get; }

    /// <summary>The feature blocks the model was given; empty for a model that uses no features.</summary>
    public IReadOnlyList<string> Blocks { get; }

    /// <summary>The trained model, e.g. to serve the best row or to evaluate it further.</summary>
    public IItemScorer Scorer { get; }

    /// <summary>
    /// Full ranking of the test part among all items, each user's training (and validation) items masked, with every
    /// slice. For a cold-item split these are the withheld items' interactions competing with every item.
    /// </summary>
    public EvaluationResult Ranking { get; }

    /// <summary>For a cold-item split: the test part ranked among the withheld test items only; otherwise <see langword="null"/>.</summary>
    public EvaluationResult? AmongWithheldItems { get; }

    /// <summary>The epochs of training, with the one kept; <see langword="null"/> for a model with no training loop.</summary>
    public TrainingHistory? History { get; }

    /// <summary>How long training took (validation included, evaluation on the test part excluded).</summary>
    public TimeSpan TrainingTime { get; }
}
