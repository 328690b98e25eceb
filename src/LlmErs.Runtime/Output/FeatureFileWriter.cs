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

    private FeatureFileWriter(FeatureOutput output, bool withStatus)
    {
        Output = output;
        _file = AtomicFile.Create(output.Path);
        _sink = output.Format == FeatureFileFormat.Parquet
            ? new ParquetFeatureSink(_file.Stream, _model.Columns, withStatus)
            : new JsonLinesFeatureSink(_file.Stream, _model.Columns, withStatus);
    }

    /// <summary>The file being written.</summary>
    public FeatureOutput Output { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts writing <paramref name="output"/>.</summary>
    public static FeatureFileWriter<T> Create(FeatureOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new FeatureFileWriter<T>(output, withStatus: false);
    }

    /// <summary>Starts writing <paramref name="output"/> with a status column per derived field (see <see cref="FeatureStatus"/>).</summary>
    internal static FeatureFileWriter<T> CreateWithStatus(FeatureOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new FeatureFileWriter<T>(output, withStatus: true);
    }

    /// <summary>Writes <paramref name="item"/>'s row.</summary>
    public async ValueTask WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        _model.WriteRow(item, _sink);
        await _sink.EndRowAsync(cancellationToken).ConfigureAwait(false);
        Rows++;
    }

    /// <summary>Writes <paramref name="item"/>'s row with its derived fields' <paramref name="statuses"/>, in <see cref="EnrichmentModel{T}.Fields"/> order.</summary>
    internal ValueTask WriteAsync(T item, IReadOnlyList<FeatureStatus> statuses, CancellationToken cancellationToken)
    {
        _sink.BeginRow(statuses);
        return WriteAsync(item, cancellationToken);
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
