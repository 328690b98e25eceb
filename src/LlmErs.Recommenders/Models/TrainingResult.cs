
namespace LlmErs.Recommenders;

/// <summary>A trained model and the history of its training.</summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <param name="Model">The model of the best epoch (the last, without validation).</param>
/// <param name="History">The epochs run.</param>
public sealed record TrainingResult<TModel>(TModel Model, TrainingHistory History)
    where TModel : IItemScorer;
