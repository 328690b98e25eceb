using LlmErs.Vectors;
namespace LlmErs;

/// <summary>
/// Writes items' feature rows to one file through the generated, reflection-free <see cref="EnrichmentModel{T}.WriteRow"/>.
/// The file appears only when <see cref="CommitAsync"/> completes, fully written and flushed to disk; disposing an
/// uncommitted writer removes its temporary file and leaves any previous file in place.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class FeatureFileWriter<T> : IAsyncDisposable
    where T : IEnrichable<T>
{
    private readonly EnrichmentModel<T> _model = T.EnrichmentModel;
    private readonly AtomicFile _file;
    private readonly FeatureRowSink _sink;

    private FeatureFileWriter(FeatureOutput output)
    {
        Output = output;
        _file = AtomicFile.Create(output.Path);
        _sink = output.Format == FeatureFileFormat.Parquet
            ? new ParquetFeatureSink(_file.Stream, _model.Columns)
            : new JsonLinesFeatureSink(_file.Stream, _model.Columns);
    }

    /// <summary>The file being written.</summary>
    public FeatureOutput Output { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts writing <paramref name="output"/>.</summary>
    public static FeatureFileWriter<T> Create(FeatureOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new FeatureFileWriter<T>(output);
    }

    /// <summary>Writes <paramref name="item"/>'s row.</summary>
    public async ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        _model.WriteRow(item, _sink);
        await _sink.EndRowAsync(cancellationToken).ConfigureAwait(false);
        Rows++;
    }

    /// <summary>Completes the file and moves it into place atomically.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await _file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the file; an uncommitted file is deleted.</summary>
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
