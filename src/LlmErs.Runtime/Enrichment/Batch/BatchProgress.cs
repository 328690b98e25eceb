namespace LlmErs;

/// <summary>Where the batches of a batch-mode run stand, in <see cref="EnrichmentProgress.Batch"/> while they are pending.</summary>
/// <param name="Batches">Batches submitted for the current round (one round per level of fields that read other fields).</param>
/// <param name="Pending">Of those, batches not finished yet.</param>
/// <param name="Requests">Requests in those batches.</param>
/// <param name="Completed">Requests the API reports as answered.</param>
/// <param name="Failed">Requests the API reports as failed.</param>
/// <param name="Waited">Time this run has waited for the round's batches.</param>
public sealed record BatchProgress(int Batches, int Pending, int Requests, int Completed, int Failed, TimeSpan Waited)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Batches - Pending}/{Batches} batch(es) done, {Completed}/{Requests} request(s) answered, {Failed} failed, waited {Waited:hh\\:mm\\:ss}");
}
