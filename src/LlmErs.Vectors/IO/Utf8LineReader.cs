using System.Text;
using System.Text.Unicode;

namespace LlmErs.Vectors;

/// <summary>
/// Reads UTF-8 text line by line from bytes, so that one bad line is one error with its number rather than a decoder
/// failure somewhere in the file: a byte-order mark at the start is skipped, CRLF and LF both end a line, and a line
/// that is not valid UTF-8 is reported with its number (never silently replaced with U+FFFD).
/// </summary>
public sealed class Utf8LineReader : TextReader
{
    private readonly Stream _stream;
    private readonly Func<int, string, Exception> _error;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _atEnd;

    /// <summary>Reads the lines of <paramref name="stream"/>; <see cref="DataFile.OpenLines"/> opens a file this way.</summary>
    /// <param name="stream">The content, owned by the reader.</param>
    /// <param name="compressed">Whether the content was decompressed, for error messages.</param>
    /// <param name="error">Makes the exception for a line (its number, the problem).</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="error"/> is null.</exception>
    public Utf8LineReader(Stream stream, bool compressed, Func<int, string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(error);
        _stream = stream;
        IsCompressed = compressed;
        _error = error;
    }

    /// <summary>Whether the content was gzip-compressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>The number of the line last read (1-based).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line; an invalid line throws the error this reader was made with.</summary>
    public override string? ReadLine() =>
        TryReadLine(out var line, out var problem) ? line ?? throw _error(LineNumber, problem!) : null;

    /// <summary>
    /// Reads the next line: false at the end; otherwise <paramref name="line"/> holds it, or is <see langword="null"/>
    /// and <paramref name="problem"/> says why (not UTF-8), so a caller may report the line and go on.
    /// </summary>
    public bool TryReadLine(out string? line, out string? problem)
    {
        line = problem = null;
        if (!TryReadBytes(out var bytes))
        {
            return false;
        }

        LineNumber++;
        if (LineNumber == 1 && bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        if (LineNumber == 1 && IsCompressed && bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            problem = "The decompressed content starts with gzip's magic bytes again: the file is compressed twice. Decompress it once (e.g. 'gunzip -c file.gz > file') and load the result.";
            return true;
        }

        if (bytes.EndsWith((byte)'\r'))
        {
            bytes = bytes[..^1];
        }

        if (Utf8.IsValid(bytes))
        {
            line = Encoding.UTF8.GetString(bytes);
            return true;
        }

        problem = IsCompressed
            ? "The line is not valid UTF-8 (in the decompressed content of this gzip file). Re-encode the file as UTF-8 or remove the line."
            : "The line is not valid UTF-8. Re-encode the file as UTF-8 or remove the line.";
        return true;
    }

    private bool TryReadBytes(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _buffer.AsSpan(_start, searched + newline);
                _start += searched + newline + 1;
                return true;
            }

            searched = _end - _start;
            if (_atEnd)
            {
                line = _buffer.AsSpan(_start, searched);
                _start = _end;
                return searched > 0;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException exception)
        {
            // The rest of a corrupt stream is unreadable: end here, so a caller that skips bad lines does not loop.
            _atEnd = true;
            throw _error(LineNumber + 1, $"The file starts like a gzip file but does not decompress ({exception.Message}). Check that it was copied whole.");
        }

        _end += read;
        _atEnd = read == 0;
    }

    /// <summary>Disposes the stream the reader owns.</summary>
    /// <param name="disposing">Whether called from <see cref="TextReader.Dispose()"/> rather than a finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
