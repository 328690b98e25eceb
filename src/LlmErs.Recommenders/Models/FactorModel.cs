using LlmErs.Vectors;

namespace LlmErs.Recommenders;

/// <summary>
/// A model that scores by dot product: one vector per user, one per item, <c>score(u, i) = user_u · item_i</c>. Every
/// model here ends as one — matrix factorization, the two-tower model with its towers evaluated, the content baseline —
/// so serving needs nothing but the item vectors and a user vector.
/// </summary>
/// <remarks>Immutable and safe for concurrent scoring. Scores come from the SIMD kernels of <c>LlmErs.Vectors</c>.</remarks>
public sealed unsafe class FactorModel : IItemScorer
{
    private readonly float[] _users;
    private readonly float[] _items;

    internal FactorModel(float[] users, float[] items, int dimension)
    {
        _users = users;
        _items = items;
        Dimension = dimension;
    }

    /// <summary>The size of each vector.</summary>
    public int Dimension { get; }

    /// <summary>The number of users.</summary>
    public int UserCount => _users.Length / Dimension;

    /// <inheritdoc/>
    public int ItemCount => _items.Length / Dimension;

    /// <summary>All user vectors, row after row.</summary>
    public ReadOnlySpan<float> UserVectors => _users;

    /// <summary>All item vectors, row after row: what a serving index (e.g. a <c>VectorStore</c>) holds.</summary>
    public ReadOnlySpan<float> ItemVectors => _items;

    /// <summary>The arrays behind <see cref="UserVectors"/> and <see cref="ItemVectors"/>, for saving without a copy.</summary>
    internal (float[] Users, float[] Items) Arrays => (_users, _items);

    /// <summary>The vector of <paramref name="user"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="user"/> is not in [0, <see cref="UserCount"/>).</exception>
    public ReadOnlySpan<float> GetUserVector(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(user, UserCount);
        return _users.AsSpan(user * Dimension, Dimension);
    }

    /// <summary>The vector of <paramref name="item"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="item"/> is not in [0, <see cref="ItemCount"/>).</exception>
    public ReadOnlySpan<float> GetItemVector(int item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, ItemCount);
        return _items.AsSpan(item * Dimension, Dimension);
    }

    /// <summary>Writes the model to <paramref name="path"/>, replacing any file there only once the new one is complete.</summary>
    /// <remarks>The format is versioned and checksummed; <see cref="Load"/> gives back bit-identical scores.</remarks>
    public void Save(string path) => ModelFile.Save(path, ModelKind.Factor, Dimension, _users, _items);

    /// <summary>Loads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is damaged or truncated, holds a two-tower model (use <see cref="TwoTowerModel.Load"/>), or was written
    /// by another format version; the message names the file.
    /// </exception>
    public static FactorModel Load(string path)
    {
        var (dimension, sections) = ModelFile.Load(path, ModelKind.Factor);
        return new FactorModel(sections[0], sections[1], dimension);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="user"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is not <see cref="ItemCount"/> long.</exception>
    public void ScoreItems(int user, Span<float> scores)
    {
        var query = GetUserVector(user);
        if (scores.Length != ItemCount)
        {
            throw new ArgumentException($"The destination holds {scores.Length} scores; it needs one per item ({ItemCount}).", nameof(scores));
        }

        fixed (float* items = _items)
        fixed (float* userVector = query)
        fixed (float* destination = scores)
        {
            DotKernels.Score(items, ItemCount, Dimension, userVector, destination);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Gives bit-identical scores to the all-items overload.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="user"/> or an item is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is shorter than <paramref name="items"/>.</exception>
    public void ScoreItems(int user, ReadOnlySpan<int> items, Span<float> scores)
    {
        var query = GetUserVector(user);
        if (scores.Length < items.Length)
        {
            throw new ArgumentException($"The destination holds {scores.Length} scores; it needs one per item asked ({items.Length}).", nameof(scores));
        }

        fixed (float* itemVectors = _items)
        fixed (float* userVector = query)
        {
            for (var j = 0; j < items.Length; j++)
            {
                if ((uint)items[j] >= (uint)ItemCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(items), items[j], $"Item indices must be in [0, {ItemCount}).");
                }

                scores[j] = DotKernels.Dot(itemVectors + ((long)items[j] * Dimension), userVector, Dimension);
            }
        }
    }
}
