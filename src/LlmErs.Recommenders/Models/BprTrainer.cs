using System.Diagnostics;
using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The BPR training loop every model shares: per epoch, a seeded shuffle of the positive pairs; per mini-batch,
/// uniform negatives, the BPR (and distillation) loss and its gradient with respect to the model's vectors; per epoch,
/// validation, early stopping and progress.
/// </summary>
/// <remarks>
/// Deterministic parallelism: randomness is drawn on the calling thread in a fixed order; threads then only compute
/// values that are independent of each other (a triple's score, a row's encoding or update), and every sum over
/// triples runs sequentially in triple order. The model therefore has the same bits for any thread count.
/// </remarks>
internal sealed class BprTrainer<TModel>
    where TModel : class, IItemScorer
{
    private const ulong SamplingStream = 0x6A09E667F3BCC909;
    private const ulong AugmentedStream = 0xBB67AE8584CAA73B;
    private const int TriplesPerChunk = 256;

    private readonly UserItemMatrix _feedback;
    private readonly IEmbeddingModel<TModel> _model;
    private readonly BprOptions _options;
    private readonly TrainingSchedule _schedule;
    private readonly DistillationOptions? _distillation;
    private readonly AugmentedPairs? _augmented;
    // The augmented pairs in this epoch's order; empty without them.
    private readonly int[] _augmentedOrder;
    private readonly int _dimension;
    private readonly TripleBatch _batch;
    private readonly float[] _userVectors;
    private readonly float[] _itemVectors;
    private readonly float[] _userGradients;
    private readonly float[] _itemGradients;
    private readonly float[] _differences;
    // dLoss/d s(u, i) and dLoss/d s(u, j) per triple: ±the pair gradient, plus each item's pointwise term.
    private readonly float[] _firstGradients;
    private readonly float[] _secondGradients;
    private readonly float[] _firstScores;
    private readonly float[] _teacherFirst;
    private readonly float[] _teacherSecond;
    private SplitMix64 _random;
    // The augmented pairs' order has its own stream, so the log's triples are sampled the same with or without them.
    private SplitMix64 _augmentedRandom;
    private double _lossSum;
    private double _distillationLossSum;
    private long _labeledTriples;
    private long _teacherTriples;

    private BprTrainer(UserItemMatrix feedback, IEmbeddingModel<TModel> model, BprOptions options, TrainingSchedule schedule)
    {
        _feedback = feedback;
        _model = model;
        _options = options;
        _schedule = schedule;
        _distillation = options.ActiveDistillation;
        _augmented = options.ActiveAugmentedPairs;
        _augmentedOrder = [.. Enumerable.Range(0, _augmented?.Pairs.Count ?? 0)];
        _dimension = options.Dimension;
        _batch = new TripleBatch(schedule.TriplesPerBatch(options), feedback.UserCount, feedback.ItemCount);
        _userVectors = new float[_batch.Capacity * _dimension];
        _userGradients = new float[_batch.Capacity * _dimension];
        _itemVectors = new float[2 * _batch.Capacity * _dimension];
        _itemGradients = new float[2 * _batch.Capacity * _dimension];
        _differences = new float[_batch.Capacity];
        _firstGradients = new float[_batch.Capacity];
        _secondGradients = new float[_batch.Capacity];
        _firstScores = new float[_batch.Capacity];
        _teacherFirst = new float[_batch.Capacity];
        _teacherSecond = new float[_batch.Capacity];
        _random = new SplitMix64(options.Seed ^ SamplingStream);
        _augmentedRandom = new SplitMix64(options.Seed ^ AugmentedStream);
    }

    /// <summary>
    /// Trains <paramref name="model"/> on <paramref name="feedback"/> with <paramref name="schedule"/> (the one the
    /// model's buffers were sized for) and returns the kept epoch's snapshot.
    /// </summary>
    public static TrainingResult<TModel> Train(
        UserItemMatrix feedback, IEmbeddingModel<TModel> model, BprOptions options, TrainingSchedule schedule, TrainingMonitor? monitor, CancellationToken cancellationToken) =>
        new BprTrainer<TModel>(feedback, model, options, schedule).Run(monitor, cancellationToken);

    private TrainingResult<TModel> Run(TrainingMonitor? monitor, CancellationToken cancellationToken)
    {
        var pairUsers = _feedback.PairUsers();
        var order = new int[pairUsers.Length];
        for (var p = 0; p < order.Length; p++)
        {
            order[p] = p;
        }

        var stopping = new EarlyStopping<TModel>(monitor, _schedule.Patience, _schedule.Epochs, _model.Snapshot, _schedule);
        for (var epoch = 1; epoch <= _schedule.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Shuffle(order, ref _random);
            Shuffle(_augmentedOrder, ref _augmentedRandom);
            (_lossSum, _distillationLossSum, _labeledTriples, _teacherTriples) = (0, 0, 0, 0);
            for (var (start, step) = (0, 0); start < order.Length; start += _schedule.BatchSize, step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FillBatch(order.AsSpan(start, Math.Min(_schedule.BatchSize, order.Length - start)), pairUsers);
                AddAugmentedPairs(step);
                if (_batch.LabeledCount > 0)
                {
                    Step();
                }
            }

            var loss = _labeledTriples == 0 ? 0 : _lossSum / _labeledTriples;
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException(
                    $"Training diverged in epoch {epoch} (the loss is {loss}); lower {nameof(BprOptions.LearningRate)} or raise {nameof(BprOptions.Regularization)}.");
            }

            var distillationLoss = _distillation is null ? (double?)null : _distillationLossSum / Math.Max(_teacherTriples, 1);
            if (stopping.AfterEpoch(epoch, loss, distillationLoss, clock.Elapsed))
            {
                break;
            }
        }

        return stopping.Result();
    }

    private static void Shuffle(Span<int> order, ref SplitMix64 random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private void FillBatch(ReadOnlySpan<int> pairs, int[] pairUsers)
    {
        _batch.Clear();
        var items = _feedback.PairItems;
        var itemCount = _feedback.ItemCount;
        foreach (var pair in pairs)
        {
            var user = pairUsers[pair];
            for (var s = 0; s < _options.NegativeSamples; s++)
            {
                var negative = _feedback.SampleNegative(user, ref _random);
                if (negative < 0)
                {
                    // The user interacted with every item: there is nothing to rank below the positive.
                    break;
                }

                _batch.Add(user, items[pair], negative, labeled: true);
            }

            // A teacher that judges only some items pairs two of the user's candidates; any other, two of all items.
            var candidates = _distillation?.Teacher is IDistillationCandidates judged ? judged.CandidatesOf(user) : default;
            var pool = candidates.IsEmpty ? itemCount : candidates.Length;
            for (var s = 0; s < (_distillation?.PairsPerPositive ?? 0) && pool > 1; s++)
            {
                var first = _random.NextInt32(pool);
                var second = _random.NextInt32(pool - 1);
                second = second >= first ? second + 1 : second;
                _batch.Add(user, candidates.IsEmpty ? first : candidates[first], candidates.IsEmpty ? second : candidates[second], labeled: false);
            }
        }
    }

    /// <summary>Step <paramref name="step"/>'s even share of this epoch's augmented pairs (none without them).</summary>
    private void AddAugmentedPairs(int step)
    {
        if (_augmented is null)
        {
            return;
        }

        var (count, steps) = ((long)_augmentedOrder.Length, (long)_schedule.StepsPerEpoch);
        for (var p = (int)(step * count / steps); p < (int)((step + 1) * count / steps); p++)
        {
            var pair = _augmented.Pairs[_augmentedOrder[p]];
            _batch.Add(pair.User, pair.Preferred, pair.Other, labeled: false, augmented: true);
        }
    }

    private void Step()
    {
        var batch = _batch;
        _model.Encode(batch, _userVectors, _itemVectors);
        ParallelChunks.For(batch.Count, TriplesPerChunk, _options.MaxDegreeOfParallelism, ScoreTriples);
        ComputeLossGradients();
        ParallelChunks.For(batch.Count, TriplesPerChunk, _options.MaxDegreeOfParallelism, UserGradients);
        ItemGradients();
        _model.Update(batch, _userGradients, _itemGradients);
    }

    /// <summary>The pair score x = u · (v_i − v_j) of each triple, and the teacher's scores of i and j.</summary>
    private void ScoreTriples(int start, int end)
    {
        Span<int> pair = stackalloc int[2];
        Span<float> teacherScores = stackalloc float[2];
        for (var t = start; t < end; t++)
        {
            var user = UserVector(t);
            _firstScores[t] = VectorOps.Dot(user, ItemVector(_batch.PositiveSlots[t]));
            _differences[t] = _firstScores[t] - VectorOps.Dot(user, ItemVector(_batch.NegativeSlots[t]));
            if (_distillation is { } distillation)
            {
                (pair[0], pair[1]) = (_batch.Positives[t], _batch.Negatives[t]);
                distillation.Teacher.ScoreItems(_batch.Users[t], pair, teacherScores);
                (_teacherFirst[t], _teacherSecond[t]) = (teacherScores[0], teacherScores[1]);
            }
        }
    }

    /// <summary>
    /// dLoss/dx per triple, with the loss a mean over the batch's labeled triples: <c>σ(x) − 1</c> from BPR (times the
    /// weight for an augmented pair) and
    /// <c>weight · (σ(x) − p)</c> from pairwise distillation; then, from pointwise distillation, <c>w · (σ(s) − q)</c>
    /// on each item's own score. Sequential, so the loss sums have a fixed order.
    /// </summary>
    private void ComputeLossGradients()
    {
        var scale = 1.0 / _batch.LabeledCount;
        for (var t = 0; t < _batch.Count; t++)
        {
            double x = _differences[t];
            var probability = VectorOps.Sigmoid(x);
            var gradient = 0.0;
            if (_batch.Labeled[t])
            {
                gradient = probability - 1;
                _lossSum += VectorOps.Softplus(-x);
                _labeledTriples++;
            }
            else if (_batch.Augmented[t])
            {
                gradient = _augmented!.Weight * (probability - 1);
            }

            var (first, second) = (0.0, 0.0);
            if (_distillation is { } distillation && !_batch.Augmented[t])
            {
                var difference = _teacherFirst[t] - _teacherSecond[t];
                if (distillation.Weight > 0 && !float.IsNaN(difference))
                {
                    double preference = (float)VectorOps.Sigmoid(difference / distillation.Temperature);
                    gradient += distillation.Weight * (probability - preference);
                    _distillationLossSum += (preference * VectorOps.Softplus(-x)) + ((1 - preference) * VectorOps.Softplus(x));
                    _teacherTriples++;
                }

                if (distillation.PointwiseWeight > 0)
                {
                    first = Pointwise(distillation.PointwiseWeight, _firstScores[t], _teacherFirst[t]);
                    second = Pointwise(distillation.PointwiseWeight, _firstScores[t] - _differences[t], _teacherSecond[t]);
                }
            }

            var pair = (float)(gradient * scale);
            (_firstGradients[t], _secondGradients[t]) = first == 0 && second == 0
                ? (pair, -pair)
                : ((float)((gradient + first) * scale), (float)((second - gradient) * scale));
        }
    }

    /// <summary>dLoss/ds of the pointwise term for a student score and the teacher's (0 when the teacher has none), adding its loss.</summary>
    private double Pointwise(float weight, double score, float teacher)
    {
        if (float.IsNaN(teacher))
        {
            return 0;
        }

        var target = Math.Clamp(teacher, 0, 1);
        _distillationLossSum += (target * VectorOps.Softplus(-score)) + ((1 - target) * VectorOps.Softplus(score));
        _teacherTriples++;
        return weight * (VectorOps.Sigmoid(score) - target);
    }

    /// <summary>dLoss/du for each triple: <c>g_i v_i + g_j v_j</c> (g_j = −g_i without pointwise terms), plus the L2 term on labeled triples.</summary>
    private void UserGradients(int start, int end)
    {
        var penalty = (float)(_options.Regularization / _batch.LabeledCount);
        for (var t = start; t < end; t++)
        {
            var gradient = _userGradients.AsSpan(t * _dimension, _dimension);
            gradient.Clear();
            VectorOps.AddScaled(gradient, ItemVector(_batch.PositiveSlots[t]), _firstGradients[t]);
            VectorOps.AddScaled(gradient, ItemVector(_batch.NegativeSlots[t]), _secondGradients[t]);
            if (_batch.Labeled[t])
            {
                VectorOps.AddScaled(gradient, UserVector(t), penalty);
            }
        }
    }

    /// <summary>dLoss/dv for each item slot, summed over the triples in triple order.</summary>
    private void ItemGradients()
    {
        var penalty = (float)(_options.Regularization / _batch.LabeledCount);
        _itemGradients.AsSpan(0, _batch.ItemSlotCount * _dimension).Clear();
        for (var t = 0; t < _batch.Count; t++)
        {
            var user = UserVector(t);
            var (positive, negative) = (_batch.PositiveSlots[t], _batch.NegativeSlots[t]);
            VectorOps.AddScaled(ItemGradient(positive), user, _firstGradients[t]);
            VectorOps.AddScaled(ItemGradient(negative), user, _secondGradients[t]);
            if (_batch.Labeled[t])
            {
                VectorOps.AddScaled(ItemGradient(positive), ItemVector(positive), penalty);
                VectorOps.AddScaled(ItemGradient(negative), ItemVector(negative), penalty);
            }
        }
    }

    private ReadOnlySpan<float> UserVector(int triple) => _userVectors.AsSpan(triple * _dimension, _dimension);

    private ReadOnlySpan<float> ItemVector(int slot) => _itemVectors.AsSpan(slot * _dimension, _dimension);

    private Span<float> ItemGradient(int slot) => _itemGradients.AsSpan(slot * _dimension, _dimension);
}
