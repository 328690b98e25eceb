namespace LlmErs;

/// <summary>
/// A typed slot filled by the LLM. Applies to a <c>partial</c> property of type <see cref="bool"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or an enum.
/// A nullable property lets the model answer <c>null</c> for "unknown".
/// </summary>
public sealed class LlmValueAttribute(string template) : LlmFieldAttribute(template)
{
    /// <summary>Smallest allowed number (numeric slots only); <see cref="double.NaN"/> means unbounded.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>Largest allowed number (numeric slots only); <see cref="double.NaN"/> means unbounded.</summary>
    public double Maximum { get; set; } = double.NaN;
}
