using System.Diagnostics;

namespace LlmErs.Vectors;

/// <summary>
/// A dense, row-major matrix of <see cref="float"/> vectors, all of one <see cref="Dimension"/>, stored contiguously in
/// 64-byte-aligned native memory or in a read-only memory-mapped file.
/// </summary>
/// <remarks>
/// Rows follow each other with no padding, so the whole matrix is one span that other libraries can read as is.
/// Disposing releases the memory; do not dispose while another thread is still scoring against the matrix.
/// </remarks>
public sealed unsafe class VectorMatrix : IDisposable
{
    private readonly IDisposable _owner;
    private readonly float* _values;
    private bool _disposed;

    private VectorMatrix(float* values, int count, int dimension, IDisposable owner)
    {
        _values = values;
        Count = count;
        Dimension = dimension;
        _owner = owner;
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of values in each row.</summary>
    public int Dimension { get; }

    /// <summary>All values, row after row.</summary>
    /// <exception cref="ObjectDisposedException">The matrix was disposed.</exception>
    public ReadOnlySpan<float> Values => new(Pointer, Count * Dimension);

    /// <summary>The start of the first row, aligned to 64 bytes; valid until the matrix is disposed.</summary>
    internal float* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _values;
        }
    }

    /// <summary>The values of one row.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not in [0, <see cref="Count"/>).</exception>
    /// <exception cref="ObjectDisposedException">The matrix was disposed.</exception>
    public ReadOnlySpan<float> GetRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        return new(Pointer + (long)row * Dimension, Dimension);
    }

    /// <summary>Copies row-major <paramref name="values"/> into a new aligned matrix.</summary>
    /// <param name="values">The rows, one after another; its length must be a multiple of <paramref name="dimension"/>.</param>
    /// <param name="dimension">The number of values in each row (at least 1).</param>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is not a multiple of <paramref name="dimension"/>.</exception>
    public static VectorMatrix Create(ReadOnlySpan<float> values, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"The {values.Length} values do not split into rows of {dimension}; pass whole rows.", nameof(values));
        }

        var matrix = Allocate(values.Length / dimension, dimension);
        values.CopyTo(new Span<float>(matrix._values, values.Length));
        return matrix;
    }

    /// <summary>Allocates a zeroed, writable matrix.</summary>
    internal static VectorMatrix Allocate(int count, int dimension)
    {
        ThrowIfTooLarge(count, dimension);
        var memory = AlignedMemoryHandle.Allocate((nuint)count * (nuint)dimension * sizeof(float));
        return new VectorMatrix((float*)memory.Pointer, count, dimension, memory);
    }

    /// <summary>Wraps memory that <paramref name="owner"/> keeps alive; the matrix disposes the owner.</summary>
    internal static VectorMatrix Wrap(float* values, int count, int dimension, IDisposable owner)
    {
        ThrowIfTooLarge(count, dimension);
        Debug.Assert((nuint)values % AlignedMemoryHandle.Alignment == 0, "Rows must start on a 64-byte boundary.");
        return new VectorMatrix(values, count, dimension, owner);
    }

    /// <summary>A row to fill; only for matrices made by <see cref="Allocate"/> (a mapped file is read-only).</summary>
    internal Span<float> GetWritableRow(int row) => new(Pointer + (long)row * Dimension, Dimension);

    /// <summary>Throws when a matrix could not be addressed as one span.</summary>
    internal static void ThrowIfTooLarge(int count, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if ((long)count * dimension > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                $"{count} rows of {dimension} values exceed the {Array.MaxLength} values one matrix can hold; split the vectors into several stores.");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _owner.Dispose();
        }
    }
}
