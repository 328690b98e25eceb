namespace LlmErs.Recommenders;

/// <summary>What an <see cref="AblationWarning"/> says may make a row's numbers misleading.</summary>
public enum AblationWarningKind
{
    /// <summary>Validation was best in one of the first two epochs: the kept model has barely trained.</summary>
    EarlyBestEpoch,

    /// <summary>The training loss did not move between the first and the last epoch: the model did not learn.</summary>
    FlatLoss,

    /// <summary>
    /// Training ran to <see cref="AblationOptions.EpochBudget"/> with validation still improving (the best epoch within
    /// the last patience epochs): the budget, not early stopping, ended it, so the row understates the model.
    /// </summary>
    EpochBudgetReached,

    /// <summary>A metric's cut-off K is at least the number of candidates of a protocol, so the metric is trivially high.</summary>
    CutoffCoversCandidates,
}
