using System.Globalization;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// Quarantines free-text answers (<see cref="AnswerKind.Text"/>) that drift away from their item, as
/// <c>quarantined: unfaithful</c>: the cosine between the answer's embedding and its prompt's (the item's rendered inputs)
/// below the field's threshold. It flags off-topic and hallucinated text cheaply; contradictions that stay on topic need a
/// judge.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class FaithfulnessGate<TItem> : IPipelineGate<TItem>
    where TItem : IEnrichable<TItem>
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly FaithfulnessGateOptions _options;
    private readonly Dictionary<string, FaithfulnessCalibration> _calibrations = new(StringComparer.Ordinal);

    /// <summary>Creates the gate.</summary>
    /// <param name="generator">The embedding model (the pipeline's, usually).</param>
    /// <param name="options">Thresholds; defaults when <see langword="null"/>.</param>
    public FaithfulnessGate(IEmbeddingGenerator<string, Embedding<float>> generator, FaithfulnessGateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
        _options = options ?? new FaithfulnessGateOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public string Name => "unfaithful";

    /// <summary>
    /// The cosines the last run measured, by field: every answer the gate judged, those it quarantined included, so a
    /// threshold can be chosen from them without embedding the answers again.
    /// </summary>
    public IReadOnlyDictionary<string, FaithfulnessCalibration> Calibrations => _calibrations;

    /// <inheritdoc/>
    public async Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        _calibrations.Clear();
        foreach (var field in TItem.EnrichmentModel.LlmFields.Where(f => f.Constraints.Kind == AnswerKind.Text))
        {
            var rows = items.Where(r => r.GetStatus(field.Name).Kind == FeatureStatusKind.Ok).ToList();
            var cosines = await AnswerSimilarity.CosinesAsync(_generator, field, [.. rows.Select(r => r.Item)], _options.BatchSize, cancellationToken)
                .ConfigureAwait(false);
            var threshold = _options.ThresholdOf(field.Name);
            for (var i = 0; i < rows.Count; i++)
            {
                if (cosines[i] < threshold)
                {
                    rows[i].Quarantine(field.Name, Name, string.Create(CultureInfo.InvariantCulture,
                        $"cosine {cosines[i]:F3} between the answer and its prompt is below {threshold:F3}"));
                }
            }

            _calibrations[field.Name] = FaithfulnessCalibration.FromCosines(field.Name, cosines);
        }
    }
}
