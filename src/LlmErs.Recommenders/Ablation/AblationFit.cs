
namespace LlmErs.Recommenders;

/// <summary>A model an <see cref="AblationModel"/> trained.</summary>
/// <param name="Scorer">The model, as evaluation sees it.</param>
/// <param name="History">The epochs of training; <see langword="null"/> for a model with no training loop (popularity, content only).</param>
public sealed record AblationFit(IItemScorer Scorer, TrainingHistory? History);
