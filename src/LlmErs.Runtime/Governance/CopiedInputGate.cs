using System.Globalization;

namespace LlmErs;

/// <summary>
/// Quarantines free-text answers (<see cref="AnswerKind.Text"/>) that merely copy the item's own input, as
/// <c>quarantined: copied-input</c>: the share of the answer's word 3-shingles found in the rendered prompt (containment,
/// not Jaccard, because a prompt is usually much longer than the answer and would dilute Jaccard) at or above
/// <see cref="Threshold"/>.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class CopiedInputGate<TItem> : IPipelineGate<TItem>
    where TItem : IEnrichable<TItem>
{
    /// <summary>Creates the gate.</summary>
    /// <param name="threshold">
    /// The share of the answer's shingles copied from the prompt at or above which it is quarantined. Default 0.8: an
    /// answer that quotes the title or a phrase of its input stays far below it, a copied sentence with a word changed
    /// stays above it. (The offline chat client's pitches are extracts of the prompt, 100% copied, by design.)
    /// </param>
    public CopiedInputGate(double threshold = 0.8)
    {
        if (threshold is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "Use a share in (0, 1].");
        }

        Threshold = threshold;
    }

    /// <summary>The share of copied shingles at or above which an answer is quarantined.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => "copied-input";

    /// <inheritdoc/>
    public Task RunAsync(IReadOnlyList<PipelineItem<TItem>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var field in TItem.EnrichmentModel.LlmFields.Where(f => f.Constraints.Kind == AnswerKind.Text))
        {
            foreach (var row in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.GetStatus(field.Name).Kind != FeatureStatusKind.Ok)
                {
                    continue;
                }

                var copied = Containment(Shingles.Of(AnswerText.Of(field, row.Item)), Shingles.Of(field.RenderPrompt(row.Item)));
                if (copied >= Threshold)
                {
                    row.Quarantine(field.Name, Name, string.Create(CultureInfo.InvariantCulture,
                        $"{copied * 100:F0}% of the answer's word 3-shingles are copied from its prompt (threshold {Threshold * 100:F0}%)"));
                }
            }
        }

        return Task.CompletedTask;
    }

    internal static double Containment(HashSet<ulong> answer, HashSet<ulong> source) =>
        answer.Count == 0 ? 0 : (double)answer.Count(source.Contains) / answer.Count;
}
