namespace LlmErs.Serving.Models;

/// <summary>
/// A model shared by the requests that use it: counted references, so a model swapped out is disposed only after the
/// last request that acquired it has finished, never under one.
/// </summary>
/// <remarks>
/// The slot holds one reference from creation until it retires the snapshot; each request adds one. The count reaches
/// zero once, after retirement, and only then is the model disposed; a request that races with retirement and finds
/// zero retries on the slot's new snapshot.
/// </remarks>
public sealed class ModelSnapshot
{
    private int _references = 1;

    /// <summary>Wraps <paramref name="model"/>, held by the slot that will serve it.</summary>
    public ModelSnapshot(IRecommendationModel model) => Model = model;

    /// <summary>The model; valid while a reference is held.</summary>
    public IRecommendationModel Model { get; }

    /// <summary>Whether the model has been disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Adds a reference unless the snapshot is already gone.</summary>
    public bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Drops a reference; the last one disposes the model.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
        }
    }
}
