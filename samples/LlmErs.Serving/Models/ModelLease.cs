namespace LlmErs.Serving.Models;

/// <summary>One request's hold on a model: the model stays alive until the lease is disposed.</summary>
public readonly struct ModelLease(ModelSnapshot snapshot) : IDisposable
{
    /// <summary>The model to answer the request with.</summary>
    public IRecommendationModel Model => snapshot.Model;

    /// <inheritdoc/>
    public void Dispose() => snapshot.Release();
}
