namespace LlmErs.Recommenders;

/// <summary>
/// What every training loop does after an epoch: validate a snapshot when the monitor asks, keep the best one, report
/// progress, and say when validation has not improved for <c>patience</c> epochs. Without validation it keeps the last
/// epoch's model. A BPR loop also passes the schedule it derived, for the history.
/// </summary>
/// <typeparam name="TModel">The scorer a snapshot becomes.</typeparam>
internal sealed class EarlyStopping<TModel>(TrainingMonitor? monitor, int patience, int epochs, Func<TModel> snapshot, TrainingSchedule? schedule = null)
    where TModel : class, IItemScorer
{
    private readonly List<EpochReport> _reports = [];
    private TModel? _best;
    private double _bestScore = double.NegativeInfinity;
    private int _bestEpoch;
    private int _epochsWithoutGain;
    private bool _stoppedEarly;

    /// <summary>Validates and reports the epoch just trained; returns whether training should stop.</summary>
    public bool AfterEpoch(int epoch, double loss, double? distillationLoss, TimeSpan elapsed)
    {
        double? validation = null;
        var isBest = true;
        if (monitor?.Validate is { } validate)
        {
            var model = snapshot();
            validation = validate(model);
            isBest = validation > _bestScore;
            if (isBest)
            {
                (_best, _bestScore, _bestEpoch, _epochsWithoutGain) = (model, validation.Value, epoch, 0);
            }
            else
            {
                _epochsWithoutGain++;
            }
        }
        else
        {
            _bestEpoch = epoch;
        }

        var report = new EpochReport(epoch, loss, distillationLoss, validation, isBest, elapsed);
        _reports.Add(report);
        monitor?.Progress?.Report(report);
        if (_epochsWithoutGain >= patience)
        {
            _stoppedEarly = epoch < epochs;
            return true;
        }

        return false;
    }

    /// <summary>The kept model and the history.</summary>
    public TrainingResult<TModel> Result()
    {
        // Without validation (or when no epoch scored above −∞, e.g. a callback returning NaN), keep the last epoch.
        if (_best is null)
        {
            _best = snapshot();
            _bestEpoch = _reports.Count;
        }

        return new TrainingResult<TModel>(_best, new TrainingHistory(_reports, _bestEpoch, _stoppedEarly, schedule));
    }
}
