using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>Matrix factorization: a free vector per user and per item, the model's vectors being the parameters themselves.</summary>
internal sealed class IdEmbeddingModel : IEmbeddingModel<FactorModel>
{
    // The rows a batch touches are few and short, so updating them on one thread beats starting others.
    private const int RowsPerChunk = 2048;

    private readonly AdamParameters _users;
    private readonly AdamParameters _items;
    private readonly float[] _userSlotGradients;
    private readonly float _learningRate;
    private readonly int _maxDegreeOfParallelism;
    private long _step;

    /// <param name="userCount">The number of users.</param>
    /// <param name="itemCount">The number of items.</param>
    /// <param name="options">The training options.</param>
    /// <param name="schedule">The training schedule, whose batch size bounds the buffers.</param>
    /// <param name="initialItems">Item vectors to start from (itemCount × dimension), or <see langword="null"/> for random ones.</param>
    public IdEmbeddingModel(int userCount, int itemCount, BprOptions options, TrainingSchedule schedule, ReadOnlySpan<float> initialItems)
    {
        var dimension = options.Dimension;
        _users = new AdamParameters(userCount, dimension);
        _items = new AdamParameters(itemCount, dimension);
        // A batch holds at most one user per positive and augmented pair.
        _userSlotGradients = new float[schedule.UsersPerBatch(options) * dimension];
        _learningRate = options.LearningRate;
        _maxDegreeOfParallelism = options.MaxDegreeOfParallelism;

        var random = new SplitMix64(options.Seed);
        SeededNormal.Fill(_users.Values, options.InitialStandardDeviation, ref random);
        if (initialItems.IsEmpty)
        {
            SeededNormal.Fill(_items.Values, options.InitialStandardDeviation, ref random);
        }
        else
        {
            initialItems.CopyTo(_items.Values);
        }
    }

    public void Encode(TripleBatch batch, float[] userVectors, float[] itemVectors)
    {
        var dimension = _users.Columns;
        for (var t = 0; t < batch.Count; t++)
        {
            _users.GetRow(batch.Users[t]).CopyTo(userVectors.AsSpan(t * dimension, dimension));
        }

        var slotItems = batch.SlotItems.AsSpan(0, batch.ItemSlotCount);
        for (var s = 0; s < slotItems.Length; s++)
        {
            CacheLines.PrefetchAhead(_items.Values, dimension, slotItems, s);
            _items.GetRow(slotItems[s]).CopyTo(itemVectors.AsSpan(s * dimension, dimension));
        }
    }

    public void Update(TripleBatch batch, float[] userGradients, float[] itemGradients)
    {
        var dimension = _users.Columns;
        var stepSize = AdamParameters.StepSize(_learningRate, ++_step);

        // A user's gradient is the sum over its triples, taken in triple order.
        _userSlotGradients.AsSpan(0, batch.UserSlotCount * dimension).Clear();
        for (var t = 0; t < batch.Count; t++)
        {
            VectorOps.AddScaled(_userSlotGradients.AsSpan(batch.UserSlots[t] * dimension, dimension), userGradients.AsSpan(t * dimension, dimension), 1f);
        }

        ParallelChunks.For(batch.UserSlotCount, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
        {
            for (var s = start; s < end; s++)
            {
                _users.UpdateRow(batch.SlotUsers[s], _userSlotGradients.AsSpan(s * dimension, dimension), stepSize);
            }
        });
        ParallelChunks.For(batch.ItemSlotCount, RowsPerChunk, _maxDegreeOfParallelism, (start, end) =>
            _items.UpdateRows(batch.SlotItems.AsSpan(start, end - start), itemGradients.AsSpan(start * dimension, (end - start) * dimension), stepSize));
    }

    public FactorModel Snapshot() => new([.. _users.Values], [.. _items.Values], _users.Columns);
}
