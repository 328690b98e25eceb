namespace LlmErs;

/// <summary>Options of <see cref="FaithfulnessGate{TItem}"/>.</summary>
public sealed class FaithfulnessGateOptions
{
    /// <summary>
    /// The cosine between an answer's embedding and its prompt's at or above which the answer counts as faithful to the
    /// item, for fields not in <see cref="FieldThresholds"/>. Default 0.2, for all-MiniLM-L6-v2: unrelated sentences score
    /// about 0 to 0.15 there. Calibrate it for your model and catalog with <see cref="FaithfulnessCalibration"/>.
    /// </summary>
    public double Threshold { get; set; } = 0.2;

    /// <summary>Thresholds per free-text field, by field name; they override <see cref="Threshold"/>.</summary>
    public IDictionary<string, double> FieldThresholds { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>How many answers go to the embedding generator per call, each with its prompt (twice as many texts). Default 64.</summary>
    public int BatchSize { get; set; } = 64;

    internal double ThresholdOf(string field) => FieldThresholds.TryGetValue(field, out var threshold) ? threshold : Threshold;

    internal void Validate()
    {
        foreach (var (field, threshold) in FieldThresholds.Append(new("(default)", Threshold)))
        {
            if (threshold is not (>= -1 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(FieldThresholds), threshold, $"The faithfulness threshold of {field} must be a cosine in [-1, 1].");
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
    }
}
