
namespace LlmErs;

/// <summary>
/// Tallies item outcomes as a run yields them (in order, on one thread) into progress snapshots and the final report.
/// </summary>
internal sealed class RunAccountant
{
    private readonly string _itemType;
    private readonly int? _total;
    private readonly TimeProvider _timeProvider;
    private readonly DateTimeOffset _startedAt;
    private readonly long _startTimestamp;
    private readonly FieldTally[] _fields;
    private readonly Dictionary<FailureReason, int> _failuresByReason = Enum.GetValues<FailureReason>().ToDictionary(r => r, _ => 0);
    private readonly List<ItemFailure> _failures = [];
    private int _succeeded;
    private int _failed;

    public RunAccountant(string itemType, IEnumerable<(string Field, string ModelId, ModelPrice? Price)> fields, int? total, TimeProvider timeProvider)
    {
        _itemType = itemType;
        _total = total;
        _timeProvider = timeProvider;
        _startedAt = timeProvider.GetUtcNow();
        _startTimestamp = timeProvider.GetTimestamp();
        _fields = [.. fields.Select(f => new FieldTally(f.Field, f.ModelId, f.Price))];
    }

    public int Done => _succeeded + _failed;

    public void Add<T>(ItemOutcome<T> outcome)
    {
        if (outcome.Failure is { } failure)
        {
            _failed++;
            _failuresByReason[failure.Reason]++;
            _failures.Add(new ItemFailure(outcome.Key, failure.Reason, failure.Field, failure.Message));
        }
        else
        {
            _succeeded++;
        }

        for (var i = 0; i < outcome.Fields.Count; i++)
        {
            _fields[i].Add(outcome.Fields[i]);
        }
    }

    public EnrichmentProgress Snapshot(BatchProgress? batch = null) => new()
    {
        Batch = batch,
        Done = Done,
        Total = _total,
        Succeeded = _succeeded,
        Failed = _failed,
        LlmCalls = _fields.Sum(f => f.Calls),
        CacheHits = _fields.Sum(f => (long)f.Cached),
        Tokens = Tokens(),
        Cost = _fields.Sum(f => f.Cost ?? 0),
        Elapsed = _timeProvider.GetElapsedTime(_startTimestamp),
    };

    /// <param name="stop">Why the run stopped early, or null when it went through every item.</param>
    /// <param name="batch">What the Batch API answered before the live run, or null without batch mode.</param>
    public EnrichmentReport Complete(EnrichmentStop? stop, BatchReport? batch = null) => new()
    {
        Batch = batch,
        ItemType = _itemType,
        Stopped = stop,
        StartedAt = _startedAt,
        WallTime = _timeProvider.GetElapsedTime(_startTimestamp),
        Items = Done,
        Succeeded = _succeeded,
        Failed = _failed,
        FailuresByReason = new Dictionary<FailureReason, int>(_failuresByReason),
        LlmCalls = _fields.Sum(f => f.Calls),
        Reasks = _fields.Sum(f => f.Reasks),
        Retries = _fields.Sum(f => f.Retries),
        CacheHits = _fields.Sum(f => (long)f.Cached),
        RecomputedCacheEntries = _fields.Sum(f => (long)f.Recomputed),
        TruncatedPrompts = _fields.Sum(f => (long)f.Truncated),
        Tokens = Tokens(),
        Cost = _fields.Sum(f => f.Cost ?? 0),
        UnpricedModels = [.. _fields.Where(f => f.Price is null && f.Calls > 0).Select(f => f.ModelId).Distinct(StringComparer.OrdinalIgnoreCase)],
        Fields = [.. _fields.Select(f => f.ToReport())],
        Failures = [.. _failures],
    };

    private TokenUsage Tokens()
    {
        var tokens = default(TokenUsage);
        foreach (var field in _fields)
        {
            tokens += field.Tokens;
        }

        return tokens;
    }

    private sealed class FieldTally(string field, string modelId, ModelPrice? price)
    {
        public ModelPrice? Price { get; } = price;

        public string ModelId { get; } = modelId;

        public int Generated { get; private set; }

        public int Cached { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public long Calls { get; private set; }

        public long Reasks { get; private set; }

        public long Retries { get; private set; }

        public int Truncated { get; private set; }

        public int Recomputed { get; private set; }

        public TokenUsage Tokens { get; private set; }

        public decimal? Cost => Price?.CostOf(Tokens);

        public void Add(FieldOutcome outcome)
        {
            switch (outcome.Status)
            {
                case FieldStatus.Generated: Generated++; break;
                case FieldStatus.Cached: Cached++; break;
                case FieldStatus.Failed: Failed++; break;
                case FieldStatus.Skipped: Skipped++; break;
            }

            Calls += outcome.Calls;
            Reasks += outcome.Reasks;
            Retries += outcome.Retries;
            Tokens += outcome.Usage;
            Truncated += outcome.Truncated ? 1 : 0;
            Recomputed += outcome.RecomputedCorruptEntry ? 1 : 0;
        }

        public FieldReport ToReport() => new()
        {
            Field = field,
            ModelId = ModelId,
            Generated = Generated,
            Cached = Cached,
            Failed = Failed,
            Skipped = Skipped,
            LlmCalls = Calls,
            Reasks = Reasks,
            Retries = Retries,
            Tokens = Tokens,
            Cost = Cost,
            TruncatedPrompts = Truncated,
            RecomputedCacheEntries = Recomputed,
        };
    }
}
