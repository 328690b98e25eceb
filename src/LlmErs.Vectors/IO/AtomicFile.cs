namespace LlmErs.Vectors;

/// <summary>
/// A file that appears complete or not at all: written to a temporary file beside the target, flushed to disk, then
/// renamed over the target. A crash before <see cref="Commit"/> leaves the previous file, if any, untouched. Every file
/// LlmErs writes (feature files, reports, manifests, vector stores, codebooks, models) goes through it.
/// </summary>
/// <example>
/// <code>
/// await using var file = AtomicFile.Create("out/report.json");
/// await JsonSerializer.SerializeAsync(file.Stream, report, cancellationToken: cancellationToken);
/// await file.CommitAsync(cancellationToken);
/// </code>
/// </example>
public sealed class AtomicFile : IDisposable, IAsyncDisposable
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

    /// <summary>Starts writing <paramref name="path"/>, creating its folder if needed; nothing appears there until <see cref="Commit"/>.</summary>
    /// <param name="path">The file to write, absolute or relative to the current directory.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AtomicFile(path);
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> as a whole, or leaves it as it was.</summary>
    /// <param name="path">The file to write, absolute or relative to the current directory.</param>
    /// <param name="content">The file's complete content.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await using var file = Create(path);
        await file.Stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes the file to disk and moves it over the destination; see <see cref="Commit"/>.</summary>
    /// <param name="cancellationToken">Cancels the flush of buffered bytes; the target is then left as it was.</param>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Closes the file; without a prior commit, deletes the temporary file and leaves the target as it was.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (!_committed)
        {
            File.Delete(_temporaryPath);
        }
    }
}
