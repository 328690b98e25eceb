using LlmErs.Serving.Models;
using LlmErs.Serving.Telemetry;
using LlmErs.Vectors;

namespace LlmErs.Serving.Routing;

/// <summary>
/// Loads a model folder into an arm while the host serves: the new model is opened and checked first, off the request
/// path, and only then swapped in, so a bad folder leaves the current model serving.
/// </summary>
public sealed class ModelReloader(ArmRouter router, ServingOptions options, ServingMetrics metrics)
{
    // One reload at a time: two concurrent reloads of one arm would race on which folder ends up served.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, string?> _folders = new()
    {
        [TrafficSplit.Control] = options.From,
        [TrafficSplit.Treatment] = options.Candidate,
    };

    /// <summary>Opens <paramref name="folder"/> (or the arm's last folder) and swaps it into <paramref name="arm"/>.</summary>
    /// <exception cref="ServingSetupException">The folder cannot be served; nothing changed.</exception>
    /// <exception cref="ArgumentException">The arm does not exist, or it has no folder yet and none was given.</exception>
    public async Task<IRecommendationModel> ReloadAsync(string arm, string? folder, CancellationToken cancellationToken)
    {
        var slot = router[arm];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            folder ??= _folders[arm] ?? throw new ArgumentException($"The {arm} arm has no model folder yet; pass one with ?from=.", nameof(folder));
            var model = await Task.Run(() => ModelFolder.Open(folder, options.Store, options.IndexOptions), cancellationToken);
            slot.Swap(model);
            _folders[arm] = folder;
            metrics.RecordSwap(arm);
            return model;
        }
        finally
        {
            _gate.Release();
        }
    }
}
