namespace LlmErs.Recommenders;

/// <summary>The two rankings of the cold-item protocol (<see cref="RankingEvaluator.EvaluateColdItems"/>).</summary>
/// <param name="AmongWithheldItems">Each user's withheld items ranked among the withheld items only: how well the model orders items it never trained on.</param>
/// <param name="AmongAllItems">The same test cases ranked among all items (training history masked): whether cold items can compete with warm ones.</param>
public sealed record ColdItemEvaluationResult(EvaluationResult AmongWithheldItems, EvaluationResult AmongAllItems);
