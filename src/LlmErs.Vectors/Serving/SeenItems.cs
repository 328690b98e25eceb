using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LlmErs.Vectors;

/// <summary>
/// Each known user's seen items, as rows of the item store, so serving leaves them out. Stored in the vector store's
/// header layout (little-endian):
/// <code>
/// header (128 bytes)
///   0  magic "LLMERSSN"   8  format version   16 user count   20 item count   24 pair count (64-bit)
///   40 file length (64-bit)   48 XxHash128 of every byte after the header (16 bytes)   64..127 reserved (0)
/// payload: offsets (user count + 1 × int32; user u's rows are rows[offsets[u]..offsets[u+1]]), rows (pair count × int32)
/// </code>
/// </summary>
internal sealed class SeenItems
{
    private const int Version = 1;
    private readonly int[] _offsets;
    private readonly int[] _rows;

    private SeenItems(int[] offsets, int[] rows)
    {
        _offsets = offsets;
        _rows = rows;
    }

    private static ReadOnlySpan<byte> Magic => "LLMERSSN"u8;

    /// <summary>The number of users.</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>The item rows user row <paramref name="user"/> has seen.</summary>
    public ReadOnlySpan<int> RowsOf(int user) => _rows.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);

    /// <summary>Writes the seen rows: user u's are <c>rows[offsets[u]..offsets[u + 1]]</c>, each below <paramref name="itemCount"/>.</summary>
    public static void Write(string path, ReadOnlySpan<int> offsets, ReadOnlySpan<int> rows, int itemCount)
    {
        using var writer = new PayloadWriter(path, VectorStoreFormat.HeaderSize);
        writer.Write(MemoryMarshal.AsBytes(offsets));
        writer.Write(MemoryMarshal.AsBytes(rows));
        var header = new byte[VectorStoreFormat.HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), offsets.Length - 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), itemCount);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), rows.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(40), writer.Position);
        writer.Commit(header, VectorStoreFormat.ChecksumOffset);
    }

    /// <summary>Reads a file written by <see cref="Write"/> for <paramref name="userCount"/> users and <paramref name="itemCount"/> items.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, truncated, or does not fit the stores it serves with.</exception>
    public static SeenItems Open(string path, int userCount, int itemCount, bool verifyChecksum)
    {
        using var file = MappedFile.Open(path);
        if (file.Length < VectorStoreFormat.HeaderSize || !file.Slice(0, Magic.Length).SequenceEqual(Magic))
        {
            throw file.Corrupted("it does not start with the seen-items signature");
        }

        var header = file.Slice(0, VectorStoreFormat.HeaderSize);
        if (BinaryPrimitives.ReadInt32LittleEndian(header[8..]) is var version && version != Version)
        {
            throw new InvalidDataException($"The seen-items file '{file.Path}' has format version {version}; this library reads version {Version}. Export the model again.");
        }

        var users = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var items = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var pairs = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        var length = BinaryPrimitives.ReadInt64LittleEndian(header[40..]);
        if (length != file.Length)
        {
            throw file.Corrupted($"its header says {length} bytes but the file has {file.Length}; it may be truncated");
        }

        if (users != userCount || items != itemCount)
        {
            throw file.Corrupted($"it holds the seen items of {users} users over {items} items, but the stores hold {userCount} users and {itemCount} items");
        }

        if (verifyChecksum && !PayloadChecksum.Matches(file, VectorStoreFormat.HeaderSize, VectorStoreFormat.ChecksumOffset))
        {
            throw new InvalidDataException(
                $"The seen-items file '{file.Path}' fails its checksum: its contents changed after it was written. Export the model again, or restore it from a copy.");
        }

        var offsetBytes = ((long)users + 1) * sizeof(int);
        if (VectorStoreFormat.HeaderSize + offsetBytes + (pairs * sizeof(int)) != file.Length)
        {
            throw file.Corrupted($"{users} users and {pairs} seen items do not fill its {file.Length} bytes");
        }

        var offsets = MemoryMarshal.Cast<byte, int>(file.Slice(VectorStoreFormat.HeaderSize, offsetBytes)).ToArray();
        var rows = MemoryMarshal.Cast<byte, int>(file.Slice(VectorStoreFormat.HeaderSize + offsetBytes, pairs * sizeof(int))).ToArray();
        for (var u = 0; u < users; u++)
        {
            if (offsets[u] < 0 || offsets[u] > offsets[u + 1] || offsets[u + 1] > rows.Length)
            {
                throw file.Corrupted($"the seen items of user row {u} lie outside the file");
            }
        }

        if (offsets[0] != 0 || offsets[users] != rows.Length || rows.Any(row => (uint)row >= (uint)itemCount))
        {
            throw file.Corrupted("it names item rows outside the item store");
        }

        return new SeenItems(offsets, rows);
    }
}
