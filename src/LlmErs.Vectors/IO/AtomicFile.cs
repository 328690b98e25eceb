namespace LlmErs.Vectors;

/// <summary>
/// A file that appears complete or not at all: written to a temporary file beside the target, flushed to disk, then
/// renamed over the target. A crash before <see cref="Commit"/> leaves the previous file, if any, untouched. Every file
/// LlmErs writes (feature files, reports, manifests, vector stores, codebooks, models) goes through it.
/// </summary>
internal sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private bool _committed;

    private AtomicFile(string path)
    {
        _path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        _temporaryPath = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, useAsync: true);
    }

    /// <summary>The temporary file's stream; readable and seekable, as Parquet writers and header rewrites need.</summary>
    public FileStream Stream { get; }

    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AtomicFile(path);
    }

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var file = Create(path);
        await file.Stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Commit();
    }

    /// <summary>Flushes the file to disk and moves it over the destination.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporaryPath, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
