using System.Diagnostics.Metrics;
using LlmErs.Serving.Routing;
using LlmErs.Vectors;

namespace LlmErs.Serving.Telemetry;

/// <summary>
/// The host's metrics on the <see cref="MeterName"/> meter: requests by endpoint, status and arm, their latency, and the
/// model version and size served per arm. Any listener attaches by that name (OpenTelemetry's AddMeter, dotnet-counters).
/// </summary>
public sealed class ServingMetrics : IDisposable
{
    /// <summary>The meter's name: the contract with dashboards and exporters.</summary>
    public const string MeterName = "LlmErs.Serving";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _swaps;

    /// <summary>Creates the instruments; the gauge reads the models <paramref name="router"/> serves when observed.</summary>
    public ServingMetrics(IMeterFactory meters, ArmRouter router)
    {
        _meter = meters.Create(MeterName);
        _requests = _meter.CreateCounter<long>("llmers.serving.requests", "{request}", "Requests answered, by endpoint, status and arm.");
        _duration = _meter.CreateHistogram<double>("llmers.serving.request.duration", "s", "Time to answer a request, by endpoint and arm.");
        _swaps = _meter.CreateCounter<long>("llmers.serving.model.swaps", "{swap}", "Models swapped in while serving, by arm.");
        _meter.CreateObservableGauge("llmers.serving.model.items", () => Observe(router), "{item}", "Items of the model served, tagged with the arm and the model version.");
    }

    /// <summary>Counts a request and records its latency.</summary>
    public void RecordRequest(string endpoint, int status, string arm, TimeSpan elapsed)
    {
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        var armTag = new KeyValuePair<string, object?>("arm", arm);
        _requests.Add(1, endpointTag, new KeyValuePair<string, object?>("status", status), armTag);
        _duration.Record(elapsed.TotalSeconds, endpointTag, armTag);
    }

    /// <summary>Counts a model swap on <paramref name="arm"/>.</summary>
    public void RecordSwap(string arm) => _swaps.Add(1, new KeyValuePair<string, object?>("arm", arm));

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Observe(ArmRouter router)
    {
        foreach (var (arm, slot) in new[] { (TrafficSplit.Control, router.Control), (TrafficSplit.Treatment, router.Treatment) })
        {
            if (slot.Current is { } model)
            {
                yield return new Measurement<long>(model.ItemCount, new KeyValuePair<string, object?>("arm", arm), new KeyValuePair<string, object?>("version", model.Version));
            }
        }
    }
}
