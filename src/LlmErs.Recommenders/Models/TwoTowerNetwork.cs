using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// The two-tower model's parameters and their gradients. With item features f, user features g (optional), the mean
/// feature vector h_u of the user's training history and learned projections W and W_g:
/// <c>item_i = Q_i + Wᵀ f_i</c> and <c>user_u = P_u + Wᵀ h_u + W_gᵀ g_u</c>.
/// </summary>
/// <remarks>
/// Three choices make the feature path carry the signal an item without interactions needs:
/// <list type="bullet">
/// <item>Items with no training interaction have no ID vector (Q_i stays zero), so they score from features alone,
/// and sampling them as negatives teaches only the projection.</item>
/// <item>ID dropout: a batch leaves an item's Q_i out with probability <see cref="TwoTowerOptions.IdDropout"/>.</item>
/// <item>For a training pair, the user's history mean leaves out the positive item itself (<c>(n h_u − f_i)/(n − 1)</c>),
/// as it will be absent from the history when the model is asked about a new item; otherwise the projection could
/// learn to find the item in its own history.</item>
/// </list>
/// The history mean is linear in the features, so the leave-one-out mean costs one extra vector per triple.
/// </remarks>
internal sealed class TwoTowerNetwork : IEmbeddingModel<TwoTowerModel>
{
    private const ulong DropoutStream = 0xBB67AE8584CAA73B;

    // Encoding a row costs a features × dimension product, enough to share rows between threads in small groups.
    private const int RowsPerChunk = 16;
    private const int TriplesPerChunk = 256;

    // An Adam row update is cheap: only large batches are worth splitting.
    private const int UpdatesPerChunk = 1024;

    private readonly int _dimension;
    private readonly VectorMatrix _itemFeatures;
    private readonly VectorMatrix? _userFeatures;
    private readonly float[] _history;
    private readonly int[] _historyCounts;
    private readonly bool[] _hasIdVector;
    private readonly AdamParameters _users;
    private readonly AdamParameters _items;
    private readonly AdamParameters _projection;
    private readonly AdamParameters? _userProjection;
    private readonly float _learningRate;
    private readonly float _idDropout;
    private readonly int _maxDegreeOfParallelism;
    private SplitMix64 _dropoutRandom;
    private long _step;

    // Per batch: gathered features, encodings and gradients per slot, and each triple's history-mean coefficients.
    private readonly float[] _slotItemFeatures;
    private readonly float[] _slotHistories;
    private readonly float[] _slotUserFeatures;
    private readonly float[] _slotItemProjections;
    private readonly float[] _slotHistoryProjections;
    private readonly float[] _slotUserBases;
    private readonly bool[] _slotKeepsId;
    private readonly float[] _historyWeights;
    private readonly float[] _exclusionWeights;
    private readonly float[] _slotUserGradients;
    private readonly float[] _slotHistoryGradients;
    private readonly float[] _slotFeatureGradients;
    private readonly float[] _projectionGradient;
    private readonly float[]? _userProjectionGradient;

    public TwoTowerNetwork(UserItemMatrix feedback, VectorMatrix itemFeatures, VectorMatrix? userFeatures, TwoTowerOptions options, TrainingSchedule schedule)
    {
        _dimension = options.Dimension;
        _itemFeatures = itemFeatures;
        _userFeatures = userFeatures;
        _learningRate = options.LearningRate;
        _idDropout = options.IdDropout;
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism;
        _dropoutRandom = new SplitMix64(options.Seed ^ DropoutStream);
        (_history, _historyCounts) = HistoryMeans(feedback, itemFeatures);
        _hasIdVector = Array.ConvertAll(feedback.CountPerItem(), count => count > 0);

        var features = itemFeatures.Dimension;
        _users = new AdamParameters(feedback.UserCount, _dimension);
        _items = new AdamParameters(feedback.ItemCount, _dimension);
        _projection = new AdamParameters(features, _dimension);
        _userProjection = userFeatures is null ? null : new AdamParameters(userFeatures.Dimension, _dimension);

        var random = new SplitMix64(options.Seed);
        var deviation = options.InitialStandardDeviation;
        SeededNormal.Fill(_users.Values, deviation, ref random);
        SeededNormal.Fill(_items.Values, deviation, ref random);
        for (var item = 0; item < feedback.ItemCount; item++)
        {
            if (!_hasIdVector[item])
            {
                _items.GetRow(item).Clear();
            }
        }

        // Projected features start at the scale of the ID vectors, whatever the scale of the features.
        SeededNormal.Fill(_projection.Values, deviation / VectorOps.RootMeanSquareNorm(itemFeatures), ref random);
        if (_userProjection is not null)
        {
            SeededNormal.Fill(_userProjection.Values, deviation / VectorOps.RootMeanSquareNorm(userFeatures!), ref random);
        }

        // A batch holds at most one user per positive and augmented pair, and two items per triple.
        var (maxUserSlots, maxTriples) = (schedule.UsersPerBatch(options), schedule.TriplesPerBatch(options));
        var maxItemSlots = 2 * maxTriples;
        _slotItemFeatures = new float[maxItemSlots * features];
        _slotHistories = new float[maxUserSlots * features];
        _slotUserFeatures = new float[maxUserSlots * (userFeatures?.Dimension ?? 0)];
        _slotItemProjections = new float[maxItemSlots * _dimension];
        _slotHistoryProjections = new float[maxUserSlots * _dimension];
        _slotUserBases = new float[maxUserSlots * _dimension];
        _slotKeepsId = new bool[maxItemSlots];
        _historyWeights = new float[maxTriples];
        _exclusionWeights = new float[maxTriples];
        _slotUserGradients = new float[maxUserSlots * _dimension];
        _slotHistoryGradients = new float[maxUserSlots * _dimension];
        _slotFeatureGradients = new float[maxItemSlots * _dimension];
        _projectionGradient = new float[_projection.Values.Length];
        _userProjectionGradient = _userProjection is null ? null : new float[_userProjection.Values.Length];
    }

    public void Encode(TripleBatch batch, float[] userVectors, float[] itemVectors)
    {
        var features = _itemFeatures.Dimension;
        var slotItems = batch.SlotItems.AsSpan(0, batch.ItemSlotCount);
        for (var s = 0; s < slotItems.Length; s++)
        {
            CacheLines.PrefetchAhead(_itemFeatures.Values, features, slotItems, s);
            var item = slotItems[s];
            _slotKeepsId[s] = _hasIdVector[item] && (_idDropout == 0 || _dropoutRandom.NextDouble() >= _idDropout);
            _itemFeatures.GetRow(item).CopyTo(_slotItemFeatures.AsSpan(s * features, features));
        }

        for (var s = 0; s < batch.UserSlotCount; s++)
        {
            var user = batch.SlotUsers[s];
            _history.AsSpan(user * features, features).CopyTo(_slotHistories.AsSpan(s * features, features));
            _userFeatures?.GetRow(user).CopyTo(_slotUserFeatures.AsSpan(s * _userFeatures.Dimension, _userFeatures.Dimension));
        }

        ParallelChunks.For(batch.ItemSlotCount, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            ProjectRows(_slotItemFeatures, features, start, end, _projection.Values, _slotItemProjections);
            for (var s = start; s < end; s++)
            {
                CacheLines.PrefetchAhead(_items.Values, _dimension, batch.SlotItems.AsSpan(0, end), s, _slotKeepsId);
                var vector = Row(itemVectors, s);
                Row(_slotItemProjections, s).CopyTo(vector);
                if (_slotKeepsId[s])
                {
                    VectorOps.AddScaled(vector, _items.GetRow(batch.SlotItems[s]), 1f);
                }
            }
        });

        ParallelChunks.For(batch.UserSlotCount, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            ProjectRows(_slotHistories, features, start, end, _projection.Values, _slotHistoryProjections);
            if (_userFeatures is null)
            {
                _slotUserBases.AsSpan(start * _dimension, (end - start) * _dimension).Clear();
            }
            else
            {
                ProjectRows(_slotUserFeatures, _userFeatures.Dimension, start, end, _userProjection!.Values, _slotUserBases);
            }

            for (var s = start; s < end; s++)
            {
                VectorOps.AddScaled(Row(_slotUserBases, s), _users.GetRow(batch.SlotUsers[s]), 1f);
            }
        });

        ParallelChunks.For(batch.Count, TriplesPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            for (var t = start; t < end; t++)
            {
                var (historyWeight, exclusionWeight) = HistoryWeights(batch, t);
                _historyWeights[t] = historyWeight;
                _exclusionWeights[t] = exclusionWeight;
                var vector = Row(userVectors, t);
                var slot = batch.UserSlots[t];
                Row(_slotUserBases, slot).CopyTo(vector);
                VectorOps.AddScaled(vector, Row(_slotHistoryProjections, slot), historyWeight);
                if (exclusionWeight != 0)
                {
                    VectorOps.AddScaled(vector, Row(_slotItemProjections, batch.PositiveSlots[t]), exclusionWeight);
                }
            }
        });
    }

    public void Update(TripleBatch batch, float[] userGradients, float[] itemGradients)
    {
        var stepSize = AdamParameters.StepSize(_learningRate, ++_step);

        // Sums over triples, in triple order: the user-tower gradients, and the exclusion term's share of item i's features.
        _slotUserGradients.AsSpan(0, batch.UserSlotCount * _dimension).Clear();
        _slotHistoryGradients.AsSpan(0, batch.UserSlotCount * _dimension).Clear();
        itemGradients.AsSpan(0, batch.ItemSlotCount * _dimension).CopyTo(_slotFeatureGradients);
        for (var t = 0; t < batch.Count; t++)
        {
            var gradient = Row(userGradients, t);
            var slot = batch.UserSlots[t];
            VectorOps.AddScaled(Row(_slotUserGradients, slot), gradient, 1f);
            VectorOps.AddScaled(Row(_slotHistoryGradients, slot), gradient, _historyWeights[t]);
            if (_exclusionWeights[t] != 0)
            {
                VectorOps.AddScaled(Row(_slotFeatureGradients, batch.PositiveSlots[t]), gradient, _exclusionWeights[t]);
            }
        }

        ParallelChunks.For(batch.UserSlotCount, UpdatesPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            for (var s = start; s < end; s++)
            {
                _users.UpdateRow(batch.SlotUsers[s], Row(_slotUserGradients, s), stepSize);
            }
        });
        ParallelChunks.For(batch.ItemSlotCount, UpdatesPerChunk, _maxDegreeOfParallelism, (start, end) =>
            _items.UpdateRows(
                batch.SlotItems.AsSpan(start, end - start), itemGradients.AsSpan(start * _dimension, (end - start) * _dimension), stepSize, _slotKeepsId.AsSpan(start, end - start)));

        // dW = Σ_items f ⊗ dItemFeatures + Σ_users h ⊗ dHistory; threads own rows of dW.
        var features = _itemFeatures.Dimension;
        ParallelChunks.For(features, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            var rows = _projectionGradient.AsSpan(start * _dimension, (end - start) * _dimension);
            rows.Clear();
            MatrixKernels.MultiplyAdd(_slotItemFeatures.AsSpan(start), 1, features, end - start, batch.ItemSlotCount, _slotFeatureGradients, _dimension, rows);
            MatrixKernels.MultiplyAdd(_slotHistories.AsSpan(start), 1, features, end - start, batch.UserSlotCount, _slotHistoryGradients, _dimension, rows);
        });
        _projection.UpdateAll(_projectionGradient, stepSize);

        if (_userProjection is not null)
        {
            // dW_g = Σ_users g ⊗ dUser: the user features feed the user vector directly.
            var userFeatures = _userFeatures!.Dimension;
            ParallelChunks.For(userFeatures, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
            {
                var rows = _userProjectionGradient.AsSpan(start * _dimension, (end - start) * _dimension);
                rows.Clear();
                MatrixKernels.MultiplyAdd(_slotUserFeatures.AsSpan(start), 1, userFeatures, end - start, batch.UserSlotCount, _slotUserGradients, _dimension, rows);
            });
            _userProjection.UpdateAll(_userProjectionGradient, stepSize);
        }
    }

    public TwoTowerModel Snapshot()
    {
        var users = new float[_users.Values.Length];
        var items = new float[_items.Values.Length];
        var projectedFeatures = new float[_items.Values.Length];
        var features = _itemFeatures.Dimension;
        ParallelChunks.For(_hasIdVector.Length, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            ProjectRows(_itemFeatures.Values, features, start, end, _projection.Values, projectedFeatures);
            var block = items.AsSpan(start * _dimension, (end - start) * _dimension);
            projectedFeatures.AsSpan(start * _dimension, (end - start) * _dimension).CopyTo(block);
            VectorOps.AddScaled(block, _items.Values.AsSpan(start * _dimension, (end - start) * _dimension), 1f);
        });
        ParallelChunks.For(_historyCounts.Length, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            var block = users.AsSpan(start * _dimension, (end - start) * _dimension);
            ProjectRows(_history, features, start, end, _projection.Values, users);
            if (_userFeatures is not null)
            {
                MatrixKernels.MultiplyAdd(
                    _userFeatures.Values[(start * _userFeatures.Dimension)..], _userFeatures.Dimension, 1, end - start, _userFeatures.Dimension, _userProjection!.Values, _dimension, block);
            }

            VectorOps.AddScaled(block, _users.Values.AsSpan(start * _dimension, (end - start) * _dimension), 1f);
        });

        return new TwoTowerModel(
            new FactorModel(users, items, _dimension),
            new TwoTowerWeights([.. _projection.Values], features, projectedFeatures, _userProjection is null ? [] : [.. _userProjection.Values], _userFeatures?.Dimension ?? 0));
    }

    /// <summary>
    /// How the triple's user vector weighs the history projection and item i's projection: (1, 0) for the whole
    /// history; for a training pair, the history without item i, <c>(n Wᵀh − Wᵀf_i) / (n − 1)</c>, or nothing when
    /// item i is the user's only item.
    /// </summary>
    private (float History, float Exclusion) HistoryWeights(TripleBatch batch, int triple)
    {
        if (!batch.Labeled[triple])
        {
            return (1f, 0f);
        }

        var count = _historyCounts[batch.Users[triple]];
        return count > 1 ? (count / (count - 1f), -1f / (count - 1f)) : (0f, 0f);
    }

    /// <summary>Rows [start, end) of <c>inputs · weights</c> into the same rows of <paramref name="outputs"/>.</summary>
    private void ProjectRows(ReadOnlySpan<float> inputs, int inputDimension, int start, int end, float[] weights, float[] outputs)
    {
        var rows = outputs.AsSpan(start * _dimension, (end - start) * _dimension);
        rows.Clear();
        MatrixKernels.MultiplyAdd(inputs[(start * inputDimension)..], inputDimension, 1, end - start, inputDimension, weights, _dimension, rows);
    }

    private Span<float> Row(float[] matrix, int row) => matrix.AsSpan(row * _dimension, _dimension);

    /// <summary>Each user's mean item-feature vector over their training history (zero without history).</summary>
    private static (float[] Means, int[] Counts) HistoryMeans(UserItemMatrix feedback, VectorMatrix itemFeatures)
    {
        var features = itemFeatures.Dimension;
        var means = new float[feedback.UserCount * features];
        var counts = new int[feedback.UserCount];
        var sum = new double[features];
        for (var user = 0; user < feedback.UserCount; user++)
        {
            var items = feedback.ItemsOf(user);
            counts[user] = items.Length;
            if (items.IsEmpty)
            {
                continue;
            }

            Array.Clear(sum);
            foreach (var item in items)
            {
                var row = itemFeatures.GetRow(item);
                for (var k = 0; k < features; k++)
                {
                    sum[k] += row[k];
                }
            }

            var mean = means.AsSpan(user * features, features);
            for (var k = 0; k < features; k++)
            {
                mean[k] = (float)(sum[k] / items.Length);
            }
        }

        return (means, counts);
    }
}
