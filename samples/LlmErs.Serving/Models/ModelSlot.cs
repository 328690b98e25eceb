namespace LlmErs.Serving.Models;

/// <summary>
/// The model currently served for one arm, replaced atomically: a request leases whichever snapshot is current when it
/// starts and keeps it to the end, so a swap never fails or mixes versions within a request.
/// </summary>
public sealed class ModelSlot : IDisposable
{
    private volatile ModelSnapshot? _current;

    /// <summary>Starts serving <paramref name="model"/>, or nothing yet when it is <see langword="null"/>.</summary>
    public ModelSlot(IRecommendationModel? model) => _current = model is null ? null : new ModelSnapshot(model);

    /// <summary>The model served now (for /health and metrics; requests use <see cref="TryAcquire"/>).</summary>
    public IRecommendationModel? Current => _current?.Model;

    /// <summary>Leases the current model; <see langword="false"/> when the slot serves nothing.</summary>
    public bool TryAcquire(out ModelLease lease)
    {
        while (_current is { } snapshot)
        {
            // Fails only when a swap retired this snapshot and its last request finished in between; the next read sees the new one.
            if (snapshot.TryAddReference())
            {
                lease = new ModelLease(snapshot);
                return true;
            }
        }

        lease = default;
        return false;
    }

    /// <summary>Serves <paramref name="model"/> from now on; the previous model is disposed when its last request finishes.</summary>
    public void Swap(IRecommendationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Interlocked.Exchange(ref _current, new ModelSnapshot(model))?.Release();
    }

    /// <inheritdoc/>
    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();
}
