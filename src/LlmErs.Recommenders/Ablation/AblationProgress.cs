
namespace LlmErs.Recommenders;

/// <summary>A progress report of <see cref="AblationRunner.Run"/>.</summary>
/// <param name="Row">The row being worked on, from 1.</param>
/// <param name="RowCount">The number of rows the run has.</param>
/// <param name="Name">The row's name, e.g. <c>Two-tower without genres</c>.</param>
/// <param name="Stage">What is happening to the row.</param>
/// <param name="Epoch">The epoch just trained, for <see cref="AblationStage.Training"/> reports after the first.</param>
/// <param name="Result">The completed row, for <see cref="AblationStage.Finished"/>.</param>
public sealed record AblationProgress(int Row, int RowCount, string Name, AblationStage Stage, EpochReport? Epoch = null, AblationRow? Result = null);
