namespace LlmErs.Recommenders;

/// <summary>Runs a trained model's network forward, without dropout, to turn histories into user vectors.</summary>
internal sealed class SequenceEncoder
{
    private readonly SequentialLayout _layout;
    private readonly float[] _parameters;
    private readonly SequentialNetwork _network;

    /// <param name="layout">The parameter layout.</param>
    /// <param name="parameters">The trained parameters.</param>
    /// <param name="items">Every item's vector (ID embedding plus projected features), items × dimension.</param>
    /// <param name="capacity">The most histories one call encodes.</param>
    /// <param name="maxDegreeOfParallelism">The most threads; the vectors do not depend on it.</param>
    public SequenceEncoder(SequentialLayout layout, float[] parameters, ReadOnlySpan<float> items, int capacity, int maxDegreeOfParallelism)
    {
        _layout = layout;
        _parameters = parameters;
        _network = new SequentialNetwork(layout, features: null, idWeights: null, capacity, maxDegreeOfParallelism);
        items.CopyTo(_network.ItemRepresentations);
    }

    /// <summary>Writes the vector of each (non-empty) history to consecutive rows of <paramref name="destination"/>.</summary>
    public void Encode(IReadOnlyList<int[]> histories, Span<float> destination)
    {
        var batch = _network.Batch;
        batch.Clear();
        foreach (var history in histories)
        {
            batch.Add(history, _layout.Shape.Heads, withTargets: false);
        }

        _network.EncodeLast(_parameters, destination);
    }

    /// <summary>The user vector of every history, zero for an empty one, users × dimension.</summary>
    public static float[] EncodeAll(SequentialLayout layout, float[] parameters, ReadOnlySpan<float> items, int[][] histories, int maxDegreeOfParallelism)
    {
        const int batchSize = 128;
        var dimension = layout.Shape.Dimension;
        var users = new float[histories.Length * dimension];
        var encoder = new SequenceEncoder(layout, parameters, items, batchSize, maxDegreeOfParallelism);
        var pending = new List<int>(batchSize);
        var vectors = new float[batchSize * dimension];
        void Flush()
        {
            encoder.Encode([.. pending.Select(user => histories[user])], vectors);
            for (var i = 0; i < pending.Count; i++)
            {
                vectors.AsSpan(i * dimension, dimension).CopyTo(users.AsSpan(pending[i] * dimension, dimension));
            }

            pending.Clear();
        }

        for (var user = 0; user < histories.Length; user++)
        {
            if (histories[user].Length > 0)
            {
                pending.Add(user);
                if (pending.Count == batchSize)
                {
                    Flush();
                }
            }
        }

        if (pending.Count > 0)
        {
            Flush();
        }

        return users;
    }
}
