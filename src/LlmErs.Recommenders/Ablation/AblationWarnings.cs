using System.Globalization;

namespace LlmErs.Recommenders;

/// <summary>Finds what makes an ablation's numbers misleading: untrained rows, rows cut short by the epoch budget, and cut-offs that cover every candidate.</summary>
internal static class AblationWarnings
{
    /// <summary>The relative change of the training loss below which it counts as not having moved.</summary>
    public const double FlatLossChange = 0.01;

    /// <summary>The best epoch at or below which a trained model counts as barely trained.</summary>
    public const int EarlyBestEpoch = 2;

    /// <summary>The warnings about a trained row: an early best epoch, a loss that did not move, a budget that cut it short.</summary>
    /// <param name="row">The row's name.</param>
    /// <param name="history">Its training history; none for a model without epochs.</param>
    /// <param name="epochBudget">The most epochs the runner allowed.</param>
    /// <param name="patience">The epochs without a better validation score after which training stops early.</param>
    public static IEnumerable<AblationWarning> ForRow(string row, TrainingHistory? history, int epochBudget, int patience)
    {
        if (history is null || history.Epochs.Count == 0)
        {
            yield break;
        }

        var epochs = history.Epochs;
        if (history.BestEpoch <= EarlyBestEpoch)
        {
            yield return new AblationWarning(
                AblationWarningKind.EarlyBestEpoch,
                row,
                Invariant($"'{row}': validation was best at epoch {history.BestEpoch} of {epochs.Count}, so the kept model has barely trained; its numbers understate the model (check the learning rate, batch size and patience: {Describe(history.Schedule)})."));
        }

        var (first, last) = (epochs[0].Loss, epochs[^1].Loss);
        if (epochs.Count > 1 && first > 0 && Math.Abs(last - first) / first < FlatLossChange)
        {
            yield return new AblationWarning(
                AblationWarningKind.FlatLoss,
                row,
                Invariant($"'{row}': the training loss did not move ({first:0.####} at epoch 1, {last:0.####} at epoch {epochs.Count}; ln 2 ≈ 0.6931 is an untrained BPR model), so it did not learn; raise the learning rate or the steps per epoch ({Describe(history.Schedule)})."));
        }

        if (epochs.Count >= epochBudget && epochs.Count - history.BestEpoch < patience)
        {
            yield return new AblationWarning(
                AblationWarningKind.EpochBudgetReached,
                row,
                Invariant($"'{row}': training stopped at the epoch budget ({epochBudget}) while validation was still improving (best at epoch {history.BestEpoch}, fewer than the patience of {patience} epochs before the end), so its numbers understate the model; raise {nameof(AblationOptions)}.{nameof(AblationOptions.EpochBudget)}."));
        }
    }

    /// <summary>The warnings about the protocol: every metric whose K is at least the candidates of a table's ranking.</summary>
    public static IEnumerable<AblationWarning> ForProtocol(DataSplit split, IReadOnlyList<AblationTable> tables, IReadOnlyList<Metric> metrics)
    {
        foreach (var table in tables)
        {
            // The most candidates a user can have: the withheld items, or every item (before the history is masked).
            var (among, candidates) = table.AmongWithheldItems ? ("the withheld test items", split.WithheldTestItems.Count) : ("all items", split.ItemCount);
            foreach (var metric in metrics)
            {
                if (!metric.IsPairwise && metric.K > 0 && metric.K >= candidates)
                {
                    yield return new AblationWarning(
                        AblationWarningKind.CutoffCoversCandidates,
                        null,
                        Invariant($"{table.Title}: {metric} ranks among {among}, and K = {metric.K} is at least the {candidates:N0} candidates, so every candidate is in the list (Recall and HitRate are trivially 1) and {metric} says little; use a smaller K or more candidates."),
                        metric,
                        table.Key);
                }
            }
        }
    }

    private static string Describe(TrainingSchedule? schedule) =>
        schedule is null ? "schedule not recorded" : Invariant($"batch {schedule.BatchSize}, {schedule.StepsPerEpoch} steps an epoch, patience {schedule.Patience}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
