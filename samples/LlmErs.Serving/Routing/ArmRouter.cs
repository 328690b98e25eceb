using LlmErs.Serving.Models;
using LlmErs.Vectors;

namespace LlmErs.Serving.Routing;

/// <summary>
/// Two models served side by side, control and treatment, and the split that sends each user to one of them. The split
/// is replaced whole (one volatile reference), so changing percentages needs no restart and no lock on the request path.
/// </summary>
public sealed class ArmRouter(ModelSlot control, ModelSlot treatment, TrafficSplit split) : IDisposable
{
    private volatile TrafficSplit _split = split;

    /// <summary>The arm every user gets until a treatment is loaded and given a share.</summary>
    public ModelSlot Control { get; } = control;

    /// <summary>The arm being rolled out; empty until a candidate model is loaded.</summary>
    public ModelSlot Treatment { get; } = treatment;

    /// <summary>The split in force.</summary>
    public TrafficSplit Split
    {
        get => _split;
        set => _split = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The slot of an arm name.</summary>
    /// <exception cref="ArgumentException">The name is neither arm.</exception>
    public ModelSlot this[string arm] => arm switch
    {
        TrafficSplit.Control => Control,
        TrafficSplit.Treatment => Treatment,
        _ => throw new ArgumentException($"There is no arm '{arm}'; the arms are '{TrafficSplit.Control}' and '{TrafficSplit.Treatment}'.", nameof(arm)),
    };

    /// <summary>The arm <paramref name="splitKey"/> (a user id) is served by: control whenever no treatment is loaded.</summary>
    public string ArmOf(string splitKey) => Treatment.Current is null ? TrafficSplit.Control : _split.ArmOf(splitKey);

    /// <inheritdoc/>
    public void Dispose()
    {
        Control.Dispose();
        Treatment.Dispose();
    }
}
