using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace LlmErs.Vectors;

/// <summary>
/// Writes a file as a fixed-size header followed by a payload whose checksum goes into the header; the file is written
/// beside its destination and moved over it at the end, so readers never see a half-written file.
/// </summary>
internal sealed class PayloadWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly XxHash128 _hash = PayloadChecksum.CreateHash();

    /// <summary>Starts a file whose payload begins after <paramref name="headerSize"/> bytes.</summary>
    public PayloadWriter(string path, int headerSize)
    {
        _file = AtomicFile.Create(path);
        _file.Stream.Write(new byte[headerSize]);
    }

    /// <summary>The file offset the next payload byte goes to.</summary>
    public long Position => _file.Stream.Position;

    /// <summary>Appends payload bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        _file.Stream.Write(bytes);
        _hash.Append(bytes);
    }

    /// <summary>Appends a little-endian 32-bit integer.</summary>
    public void WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Write(bytes);
    }

    /// <summary>Appends a string as its UTF-8 byte count (32-bit) and bytes.</summary>
    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt32(bytes.Length);
        Write(bytes);
    }

    /// <summary>Appends zero bytes up to the next multiple of <paramref name="alignment"/>.</summary>
    public void PadTo(int alignment)
    {
        var padding = (int)((alignment - (Position % alignment)) % alignment);
        Write(new byte[padding]);
    }

    /// <summary>
    /// Writes <paramref name="header"/> with the payload's checksum at <paramref name="checksumOffset"/>, moves the file
    /// into place, and returns its length and checksum, so a caller records them without reading the file again.
    /// </summary>
    public PayloadStamp Commit(Span<byte> header, int checksumOffset)
    {
        var checksum = header.Slice(checksumOffset, PayloadChecksum.Size);
        _hash.GetHashAndReset(checksum);
        _file.Stream.Position = 0;
        _file.Stream.Write(header);
        var stamp = new PayloadStamp(_file.Stream.Length, Convert.ToHexStringLower(checksum));
        _file.Commit();
        return stamp;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
