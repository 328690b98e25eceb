using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace LlmErs;

/// <summary>
/// The distribution of answer-to-prompt cosines of a free-text field over a catalog, to choose
/// <see cref="FaithfulnessGateOptions"/>' threshold: pick a value below the bulk of honest answers.
/// </summary>
public sealed class FaithfulnessCalibration
{
    private const int Bins = 10;

    private FaithfulnessCalibration(string field, double[] sorted)
    {
        Field = field;
        Cosines = sorted;
    }

    /// <summary>The field measured.</summary>
    public string Field { get; }

    /// <summary>The cosines, ascending.</summary>
    public IReadOnlyList<double> Cosines { get; }

    /// <summary>Measures the field over <paramref name="items"/> whose value is set (e.g. a pipeline run's items).</summary>
    /// <param name="generator">The embedding model the gate will use.</param>
    /// <param name="field">The free-text field's name.</param>
    /// <param name="items">The items; those without a value are left out.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <exception cref="ArgumentException">The field is not a free-text LLM field of <typeparamref name="TItem"/>.</exception>
    public static async Task<FaithfulnessCalibration> MeasureAsync<TItem>(
        IEmbeddingGenerator<string, Embedding<float>> generator, string field, IEnumerable<TItem> items, CancellationToken cancellationToken = default)
        where TItem : IEnrichable<TItem>
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(items);
        var llmField = TItem.EnrichmentModel.LlmFields.FirstOrDefault(f => f.Name == field && f.Constraints.Kind == AnswerKind.Text)
            ?? throw new ArgumentException($"{TItem.EnrichmentModel.TypeName} has no free-text LLM field '{field}'.", nameof(field));
        List<TItem> valued = [.. items.Where(i => !llmField.IsUnknown(i))];
        var cosines = await AnswerSimilarity.CosinesAsync(generator, llmField, valued, 64, cancellationToken).ConfigureAwait(false);
        return FromCosines(field, cosines);
    }

    /// <summary>The calibration of cosines already measured (by the gate); sorts <paramref name="cosines"/> in place.</summary>
    internal static FaithfulnessCalibration FromCosines(string field, double[] cosines)
    {
        Array.Sort(cosines);
        return new FaithfulnessCalibration(field, cosines);
    }

    /// <summary>The cosine below which a share <paramref name="q"/> of the answers fall (nearest rank).</summary>
    /// <exception cref="InvalidOperationException">No answer was measured.</exception>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Cosines.Count == 0)
        {
            throw new InvalidOperationException($"No answer of {Field} was measured.");
        }

        return Cosines[(int)Math.Clamp(Math.Ceiling(q * Cosines.Count) - 1, 0, Cosines.Count - 1)];
    }

    /// <summary>Quantiles and a text histogram of the cosines.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Answer-to-prompt cosine of {Field} over {Cosines.Count} answer(s)");
        if (Cosines.Count == 0)
        {
            return builder.Append(": none.").ToString();
        }

        builder.Append(CultureInfo.InvariantCulture,
            $": min {Cosines[0]:F3}, p1 {Quantile(0.01):F3}, p5 {Quantile(0.05):F3}, p25 {Quantile(0.25):F3}, median {Quantile(0.5):F3}, max {Cosines[^1]:F3}\n");
        var (low, high) = (Math.Floor(Cosines[0] * Bins) / Bins, Math.Ceiling(Cosines[^1] * Bins) / Bins);
        for (var from = low; from < high - 1e-9; from += 1.0 / Bins)
        {
            var to = from + (1.0 / Bins);
            var count = Cosines.Count(c => c >= from && (c < to || (to >= high - 1e-9 && c <= to)));
            builder.Append(CultureInfo.InvariantCulture, $"  [{from:F1}, {to:F1}) {count,5} {new string('#', (int)Math.Ceiling(40.0 * count / Cosines.Count))}\n");
        }

        return builder.ToString();
    }
}
