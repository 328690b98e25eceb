using System.Buffers.Binary;
using System.Text;

namespace LlmErs.Vectors;

/// <summary>
/// The vectors of one embedding field: a string id per row, the row-major matrix, and the id of the model that made them.
/// Saved to one file (see <see cref="Save"/>) and memory-mapped back by <see cref="Open"/>, so loading a million rows
/// costs no copy.
/// </summary>
/// <remarks>Reading is thread-safe. Build a store with <see cref="VectorStoreBuilder"/>.</remarks>
public sealed unsafe class VectorStore : IDisposable
{
    private readonly string[] _ids;
    private readonly Dictionary<string, int> _rows;

    internal VectorStore(string modelId, string[] ids, Dictionary<string, int> rows, VectorMatrix vectors, bool isNormalized, string? path)
    {
        ModelId = modelId;
        _ids = ids;
        _rows = rows;
        Vectors = vectors;
        IsNormalized = isNormalized;
        Path = path;
    }

    /// <summary>The id of the embedding model the vectors came from, e.g. <c>all-MiniLM-L6-v2</c>.</summary>
    public string ModelId { get; }

    /// <summary>The number of values in each vector.</summary>
    public int Dimension => Vectors.Dimension;

    /// <summary>The number of vectors.</summary>
    public int Count => Vectors.Count;

    /// <summary>Whether every row has unit L2 norm, so that the dot product is the cosine similarity.</summary>
    public bool IsNormalized { get; }

    /// <summary>The file the store was opened from, or <see langword="null"/> for a store built in memory.</summary>
    public string? Path { get; }

    /// <summary>The item id of each row, in row order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The vectors; row <c>i</c> belongs to <c>Ids[i]</c>.</summary>
    public VectorMatrix Vectors { get; }

    /// <summary>The row of <paramref name="id"/>, or -1 when the store does not hold it.</summary>
    public int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _rows.TryGetValue(id, out var row) ? row : -1;
    }

    /// <summary>The row of <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The store does not hold <paramref name="id"/>.</exception>
    public int GetIndex(string id)
    {
        var row = IndexOf(id);
        return row >= 0
            ? row
            : throw new KeyNotFoundException(
                $"The item '{id}' is not in the vector store{(Path is null ? "" : $" '{Path}'")} ({Count} items); embed it and rebuild the store, or leave it out.");
    }

    /// <summary>The vector of <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">The store does not hold <paramref name="id"/>.</exception>
    public ReadOnlySpan<float> GetVector(string id) => Vectors.GetRow(GetIndex(id));

    /// <summary>Writes the store to <paramref name="path"/>, replacing any file there only once the new one is complete.</summary>
    public void Save(string path) => SaveStamped(path);

    /// <summary>Writes the store as <see cref="Save"/> does, and returns the file's length and checksum.</summary>
    internal PayloadStamp SaveStamped(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new PayloadWriter(path, PayloadHeader.Size);
        writer.WriteString(ModelId);
        foreach (var id in _ids)
        {
            writer.WriteString(id);
        }

        writer.PadTo(AlignedMemoryHandle.Alignment);
        var vectorsOffset = writer.Position;
        var bytes = (byte*)Vectors.Pointer;
        var byteCount = (long)Count * Dimension * sizeof(float);
        const int chunk = 1 << 24;
        for (long offset = 0; offset < byteCount; offset += chunk)
        {
            writer.Write(new ReadOnlySpan<byte>(bytes + offset, (int)Math.Min(chunk, byteCount - offset)));
        }

        return VectorStoreFormat.Commit(writer, new VectorStoreHeader(Dimension, Count, vectorsOffset, IsNormalized));
    }

    /// <summary>Memory-maps a store written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a vector store, is truncated, fails its checksum, or was built with another model than <see cref="VectorStoreOpenOptions.ExpectedModelId"/>.</exception>
    public static VectorStore Open(string path, VectorStoreOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new VectorStoreOpenOptions();
        var file = MappedFile.Open(path);
        try
        {
            var header = VectorStoreFormat.ReadHeader(file, options.VerifyChecksum, options.ExpectedStamp);
            var reader = new SpanReader(file, file.Slice(PayloadHeader.Size, header.VectorsOffset - PayloadHeader.Size));
            var modelId = reader.ReadString();
            if (options.ExpectedModelId is { } expected && !string.Equals(expected, modelId, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"The vector store '{file.Path}' holds vectors of model '{modelId}', not '{expected}'; re-embed the items with '{expected}' or query with '{modelId}'.");
            }

            var count = (int)header.Count;
            var ids = new string[count];
            var rows = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var row = 0; row < count; row++)
            {
                ids[row] = reader.ReadString();
                if (!rows.TryAdd(ids[row], row))
                {
                    throw file.Corrupted($"the id '{ids[row]}' appears twice");
                }
            }

            var vectors = VectorMatrix.Wrap((float*)(file.Pointer + header.VectorsOffset), count, header.Dimension, file);
            return new VectorStore(modelId, ids, rows, vectors, header.IsNormalized, file.Path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Vectors.Dispose();

    /// <summary>Reads length-prefixed strings from the id section, with bounds checks that name the file.</summary>
    private ref struct SpanReader(MappedFile file, ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _bytes = bytes;

        public string ReadString()
        {
            if (_bytes.Length < sizeof(int))
            {
                throw file.Corrupted("its id section ends early");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(_bytes);
            if (length < 0 || length > _bytes.Length - sizeof(int))
            {
                throw file.Corrupted("an id in its id section runs past the section's end");
            }

            var value = Encoding.UTF8.GetString(_bytes.Slice(sizeof(int), length));
            _bytes = _bytes[(sizeof(int) + length)..];
            return value;
        }
    }
}
