using System.IO.MemoryMappedFiles;

namespace LlmErs.Vectors;

/// <summary>A whole file mapped read-only into memory; the pointer is valid until disposal.</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private bool _disposed;

    private MappedFile(string path, MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        Path = path;
        _file = file;
        _view = view;
        Length = length;
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = pointer + _view.PointerOffset;
    }

    /// <summary>The full path of the file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The first byte of the file; page-aligned, so 64-byte-aligned offsets stay aligned in memory.</summary>
    public byte* Pointer { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>Maps <paramref name="path"/>; other processes may read it meanwhile but not write it.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static MappedFile Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        if (length == 0)
        {
            throw new InvalidDataException($"The file '{fullPath}' is empty; it is not an LlmErs file.");
        }

        var file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            return new MappedFile(fullPath, file, view, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bytes in [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>), checked against the file's length.</summary>
    public ReadOnlySpan<byte> Slice(long offset, long length)
    {
        if (offset < 0 || length < 0 || length > int.MaxValue || offset + length > Length)
        {
            throw Corrupted($"a section at byte {offset} of {length} bytes lies outside the file's {Length} bytes");
        }

        return new(Pointer + offset, (int)length);
    }

    /// <summary>An exception saying the file is damaged, naming it and what to do.</summary>
    public InvalidDataException Corrupted(string reason) =>
        new($"The file '{Path}' is corrupted or not an LlmErs file: {reason}. Rebuild it from its source, or restore it from a copy.");

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }
}
