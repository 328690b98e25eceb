using System.Numerics.Tensors;

namespace LlmErs.Vectors;

/// <summary>Collects (id, vector) pairs into aligned memory and turns them into a <see cref="VectorStore"/>.</summary>
/// <remarks>Not thread-safe. After <see cref="Build"/> the builder is empty and can be reused.</remarks>
public sealed unsafe class VectorStoreBuilder : IDisposable
{
    // Within this distance of 1 a row counts as unit-norm; float32 embeddings normalized by their model land well inside.
    private const float UnitNormTolerance = 1e-3f;

    private readonly string _modelId;
    private readonly int _dimension;
    private readonly List<string> _ids = [];
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private AlignedMemoryHandle _memory;
    private int _capacity;
    private bool _allUnitNorm = true;

    /// <summary>Starts a store for vectors of <paramref name="dimension"/> values from the model <paramref name="modelId"/>.</summary>
    /// <param name="modelId">The embedding model's id; recorded in the file so vectors of different models are never mixed.</param>
    /// <param name="dimension">The number of values in each vector.</param>
    /// <param name="capacity">The expected number of vectors, to avoid regrowing; the builder grows past it as needed.</param>
    public VectorStoreBuilder(string modelId, int dimension, int capacity = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        VectorMatrix.ThrowIfTooLarge(capacity, dimension);
        _modelId = modelId;
        _dimension = dimension;
        _capacity = capacity;
        _memory = AlignedMemoryHandle.Allocate(RowBytes(capacity));
    }

    /// <summary>Whether <see cref="Add"/> scales each vector to unit L2 norm, so dot products are cosine similarities. Default <see langword="false"/>.</summary>
    public bool NormalizeRows { get; init; }

    /// <summary>The number of vectors added so far.</summary>
    public int Count => _ids.Count;

    /// <summary>Adds the vector of the item <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">The id was already added, the vector has the wrong length, or it holds NaN or infinity.</exception>
    public void Add(string id, ReadOnlySpan<float> vector)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (vector.Length != _dimension)
        {
            throw new ArgumentException($"The vector of '{id}' has {vector.Length} values; this store holds vectors of {_dimension}.", nameof(vector));
        }

        var norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(vector));
        if (!float.IsFinite(norm))
        {
            throw new ArgumentException($"The vector of '{id}' holds NaN or infinity (or values too large to square); check the embedding model's output.", nameof(vector));
        }

        if (!_rows.TryAdd(id, _ids.Count))
        {
            throw new ArgumentException($"The item '{id}' was already added; each id gets one vector.", nameof(id));
        }

        if (_ids.Count == _capacity)
        {
            Grow();
        }

        var row = new Span<float>((float*)_memory.Pointer + (long)_ids.Count * _dimension, _dimension);
        _ids.Add(id);
        if (NormalizeRows && norm > 0f)
        {
            TensorPrimitives.Multiply(vector, 1f / norm, row);
        }
        else
        {
            vector.CopyTo(row);
            _allUnitNorm &= MathF.Abs(norm - 1f) <= UnitNormTolerance;
        }
    }

    /// <summary>Moves the collected vectors into a new store, leaving the builder empty.</summary>
    public VectorStore Build()
    {
        var count = _ids.Count;
        _memory.Resize(RowBytes(count));
        var vectors = VectorMatrix.Wrap((float*)_memory.Pointer, count, _dimension, _memory);
        var store = new VectorStore(_modelId, [.. _ids], new Dictionary<string, int>(_rows, StringComparer.Ordinal), vectors, _allUnitNorm, path: null);
        _ids.Clear();
        _rows.Clear();
        _allUnitNorm = true;
        _capacity = 0;
        _memory = AlignedMemoryHandle.Allocate(0);
        return store;
    }

    /// <inheritdoc/>
    public void Dispose() => _memory.Dispose();

    private void Grow()
    {
        var capacity = (int)Math.Min(Math.Max(16L, _capacity * 2L), Array.MaxLength / _dimension);
        VectorMatrix.ThrowIfTooLarge(_capacity + 1, _dimension);
        _memory.Resize(RowBytes(capacity));
        _capacity = capacity;
    }

    private nuint RowBytes(int rows) => (nuint)rows * (nuint)_dimension * sizeof(float);
}
