using System.IO.Compression;

namespace LlmErs.Vectors;

/// <summary>
/// Opens data files (catalogs, interaction logs) by what their first bytes say rather than by their name: a gzip file
/// is decompressed on the fly whatever its extension, a Parquet file is recognized by its magic number. The catalog
/// loader and the interaction loaders open files through it, so both read the same files the same way.
/// </summary>
public static class DataFile
{
    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> ParquetMagic => "PAR1"u8;

    /// <summary>What the first bytes of <paramref name="path"/> say it holds.</summary>
    /// <param name="path">The data file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DataFileKind Sniff(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = OpenFile(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        return head.StartsWith(GzipMagic) ? DataFileKind.Gzip
            : head.StartsWith(ParquetMagic) ? DataFileKind.Parquet
            : DataFileKind.Text;
    }

    /// <summary>Opens <paramref name="path"/>'s content for reading: decompressed when it is a gzip file.</summary>
    /// <param name="path">The data file.</param>
    /// <param name="compressed">Whether the file is gzip-compressed (and the stream decompresses it).</param>
    /// <returns>The content, owned by the caller.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Stream OpenContent(string path, out bool compressed)
    {
        compressed = Sniff(path) == DataFileKind.Gzip;
        var stream = OpenFile(path);
        return compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>
    /// Opens <paramref name="path"/> as UTF-8 lines (decompressed when gzip); <paramref name="error"/> makes the exception
    /// for a line that is not valid UTF-8 or a file that does not decompress, from the line number and the problem.
    /// </summary>
    /// <param name="path">The data file.</param>
    /// <param name="error">Makes the exception for a line (its number, the problem).</param>
    /// <returns>The lines, owned by the caller.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="error"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Utf8LineReader OpenLines(string path, Func<int, string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var content = OpenContent(path, out var compressed);
        return new Utf8LineReader(content, compressed, error);
    }

    /// <summary>
    /// The hint for text that starts with gzip's magic number, i.e. compressed bytes read as text by a caller that
    /// opened the file itself; <see langword="null"/> for any other text.
    /// </summary>
    /// <param name="line">The first line (or field) the caller read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public static string? CompressedTextHint(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length > 0 && line[0] == (char)GzipMagic[0]
            ? "The data starts with gzip's magic bytes (0x1F 0x8B): it is gzip-compressed. Pass the file's path, which is decompressed on the fly, or decompress it first."
            : null;
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16)
            : throw new FileNotFoundException($"The data file '{path}' does not exist; check the path (relative paths are resolved from '{Environment.CurrentDirectory}').", path);
    }
}
