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
    private const int TriplesPerChunk = 256;

    private readonly UserItemMatrix _feedback;
    private readonly IEmbeddingModel<TModel> _model;
    private readonly BprOptions _options;
    private readonly DistillationOptions? _distillation;
    private readonly int _dimension;
    private readonly TripleBatch _batch;
    private readonly float[] _userVectors;
    private readonly float[] _itemVectors;
    private readonly float[] _userGradients;
    private readonly float[] _itemGradients;
    private readonly float[] _differences;
    private readonly float[] _gradients;
    private readonly float[] _teacherPreferences;
    private SplitMix64 _random;
    private double _lossSum;
    private double _distillationLossSum;
    private long _labeledTriples;
    private long _teacherTriples;

    private BprTrainer(UserItemMatrix feedback, IEmbeddingModel<TModel> model, BprOptions options)
    {
        _feedback = feedback;
        _model = model;
        _options = options;
        _distillation = options.ActiveDistillation;
        _dimension = options.Dimension;
        _batch = new TripleBatch(options.TriplesPerBatch, feedback.UserCount, feedback.ItemCount);
        _userVectors = new float[_batch.Capacity * _dimension];
        _userGradients = new float[_batch.Capacity * _dimension];
        _itemVectors = new float[2 * _batch.Capacity * _dimension];
        _itemGradients = new float[2 * _batch.Capacity * _dimension];
        _differences = new float[_batch.Capacity];
        _gradients = new float[_batch.Capacity];
        _teacherPreferences = new float[_batch.Capacity];
        _random = new SplitMix64(options.Seed ^ SamplingStream);
    }

    /// <summary>Trains <paramref name="model"/> on <paramref name="feedback"/> and returns the kept epoch's snapshot.</summary>
    public static TrainingResult<TModel> Train(
        UserItemMatrix feedback, IEmbeddingModel<TModel> model, BprOptions options, TrainingMonitor? monitor, CancellationToken cancellationToken) =>
        new BprTrainer<TModel>(feedback, model, options).Run(monitor, cancellationToken);

    private TrainingResult<TModel> Run(TrainingMonitor? monitor, CancellationToken cancellationToken)
    {
        var pairUsers = _feedback.PairUsers();
        var order = new int[pairUsers.Length];
        for (var p = 0; p < order.Length; p++)
        {
            order[p] = p;
        }

        var stopping = new EarlyStopping<TModel>(monitor, _options.Patience, _options.Epochs, _model.Snapshot);
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Shuffle(order);
            (_lossSum, _distillationLossSum, _labeledTriples, _teacherTriples) = (0, 0, 0, 0);
            for (var start = 0; start < order.Length; start += _options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                FillBatch(order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)), pairUsers);
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

    private void Shuffle(Span<int> order)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = _random.NextInt32(i + 1);
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

            for (var s = 0; s < (_distillation?.PairsPerPositive ?? 0) && itemCount > 1; s++)
            {
                var first = _random.NextInt32(itemCount);
                var second = _random.NextInt32(itemCount - 1);
                _batch.Add(user, first, second >= first ? second + 1 : second, labeled: false);
            }
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

    /// <summary>The pair score x = u · (v_i − v_j) of each triple, and the teacher's preference for i over j.</summary>
    private void ScoreTriples(int start, int end)
    {
        Span<int> pair = stackalloc int[2];
        Span<float> teacherScores = stackalloc float[2];
        for (var t = start; t < end; t++)
        {
            var user = UserVector(t);
            _differences[t] = VectorOps.Dot(user, ItemVector(_batch.PositiveSlots[t])) - VectorOps.Dot(user, ItemVector(_batch.NegativeSlots[t]));
            if (_distillation is { } distillation)
            {
                (pair[0], pair[1]) = (_batch.Positives[t], _batch.Negatives[t]);
                distillation.Teacher.ScoreItems(_batch.Users[t], pair, teacherScores);
                _teacherPreferences[t] = (float)VectorOps.Sigmoid((teacherScores[0] - teacherScores[1]) / distillation.Temperature);
            }
        }
    }

    /// <summary>
    /// dLoss/dx per triple, with the loss a mean over the batch's labeled triples: <c>σ(x) − 1</c> from BPR and
    /// <c>weight · (σ(x) − p)</c> from distillation. Sequential, so the loss sums have a fixed order.
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

            if (_distillation is { } distillation)
            {
                double preference = _teacherPreferences[t];
                gradient += distillation.Weight * (probability - preference);
                _distillationLossSum += (preference * VectorOps.Softplus(-x)) + ((1 - preference) * VectorOps.Softplus(x));
                _teacherTriples++;
            }

            _gradients[t] = (float)(gradient * scale);
        }
    }

    /// <summary>dLoss/du for each triple: <c>g (v_i − v_j)</c>, plus the L2 term on labeled triples.</summary>
    private void UserGradients(int start, int end)
    {
        var penalty = (float)(_options.Regularization / _batch.LabeledCount);
        for (var t = start; t < end; t++)
        {
            var gradient = _userGradients.AsSpan(t * _dimension, _dimension);
            gradient.Clear();
            VectorOps.AddScaled(gradient, ItemVector(_batch.PositiveSlots[t]), _gradients[t]);
            VectorOps.AddScaled(gradient, ItemVector(_batch.NegativeSlots[t]), -_gradients[t]);
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
            VectorOps.AddScaled(ItemGradient(positive), user, _gradients[t]);
            VectorOps.AddScaled(ItemGradient(negative), user, -_gradients[t]);
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
