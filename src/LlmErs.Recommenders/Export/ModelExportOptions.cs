namespace LlmErs.Recommenders;

/// <summary>Options for <see cref="ModelExport"/>.</summary>
public sealed class ModelExportOptions
{
    /// <summary>The model's name, e.g. <c>two-tower</c>; with <see cref="Version"/> it becomes the stores' model id <c>name@version</c>.</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's version, e.g. a date or a training run's id.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// The seed of the tie order serving uses for equal scores: the same as <see cref="EvaluationOptions.TieBreakSeed"/>
    /// makes served rankings equal the evaluator's, tie order included. Default 42, the evaluator's default.
    /// </summary>
    public int TieBreakSeed { get; init; } = EvaluationOptions.DefaultTieBreakSeed;

    /// <summary>
    /// The items each user has seen, which serving leaves out of their recommendations, over the split's user and item
    /// indices. Default <see langword="null"/>: everything in the split's train, validation and test parts.
    /// </summary>
    public UserItemMatrix? SeenItems { get; init; }
}
