using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LlmErs.Vectors;

/// <summary>
/// Each known user's seen items, as rows of the item store, so serving leaves them out. Stored in the
/// <see cref="PayloadHeader"/> container (little-endian):
/// <code>
/// header (128 bytes)
///   0  magic "LLMERSSN"   8  format version   16 user count   20 item count   24 pair count (64-bit)
///   40 file length (64-bit)   48 XxHash128 of every byte after the header (16 bytes)   64..127 reserved (0)
/// payload: offsets (user count + 1 × int32; user u's rows are rows[offsets[u]..offsets[u+1]]), rows (pair count × int32)
/// </code>
/// </summary>
internal sealed class SeenItems
{
    private static readonly PayloadFormat Format = new("seen-items file", "LLMERSSN"u8.ToArray(), Version: 1, "Export the model again, or restore the folder from a copy.");

    private readonly int[] _offsets;
    private readonly int[] _rows;

    private SeenItems(int[] offsets, int[] rows)
    {
        _offsets = offsets;
        _rows = rows;
    }

    /// <summary>The number of users.</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>The item rows user row <paramref name="user"/> has seen, ascending.</summary>
    public ReadOnlyMemory<int> RowsOf(int user) => _rows.AsMemory(_offsets[user], _offsets[user + 1] - _offsets[user]);

    /// <summary>Writes the seen rows: user u's are <c>rows[offsets[u]..offsets[u + 1]]</c>, each below <paramref name="itemCount"/>.</summary>
    /// <returns>The file's length and checksum, for the serving manifest.</returns>
    public static PayloadStamp Write(string path, ReadOnlySpan<int> offsets, ReadOnlySpan<int> rows, int itemCount)
    {
        using var writer = new PayloadWriter(path, PayloadHeader.Size);
        writer.Write(MemoryMarshal.AsBytes(offsets));
        writer.Write(MemoryMarshal.AsBytes(rows));
        var header = PayloadHeader.Create(Format);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), offsets.Length - 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(20), itemCount);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), rows.Length);
        return PayloadHeader.Commit(writer, header);
    }

    /// <summary>Reads a file written by <see cref="Write"/> for <paramref name="userCount"/> users and <paramref name="itemCount"/> items.</summary>
    /// <exception cref="InvalidDataException">The file is damaged, truncated, or does not fit the stores it serves with.</exception>
    public static SeenItems Open(string path, int userCount, int itemCount, bool verifyChecksum, PayloadStamp? expected = null)
    {
        using var file = MappedFile.Open(path);
        var header = PayloadHeader.Read(file, Format, verifyChecksum, expected);
        var users = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var items = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var pairs = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (users != userCount || items != itemCount)
        {
            throw file.Corrupted($"it holds the seen items of {users} users over {items} items, but the stores hold {userCount} users and {itemCount} items");
        }

        var offsetBytes = ((long)users + 1) * sizeof(int);
        if (PayloadHeader.Size + offsetBytes + (pairs * sizeof(int)) != file.Length)
        {
            throw file.Corrupted($"{users} users and {pairs} seen items do not fill its {file.Length} bytes");
        }

        var offsets = MemoryMarshal.Cast<byte, int>(file.Slice(PayloadHeader.Size, offsetBytes)).ToArray();
        var rows = MemoryMarshal.Cast<byte, int>(file.Slice(PayloadHeader.Size + offsetBytes, pairs * sizeof(int))).ToArray();
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

        // Serving looks seen rows up by binary search, so each user's must ascend, as the export writes them.
        for (var u = 0; u < users; u++)
        {
            for (var j = offsets[u] + 1; j < offsets[u + 1]; j++)
            {
                if (rows[j] <= rows[j - 1])
                {
                    throw file.Corrupted($"the seen items of user row {u} are not in ascending row order");
                }
            }
        }

        return new SeenItems(offsets, rows);
    }
}
