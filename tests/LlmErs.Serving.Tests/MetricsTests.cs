using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LlmErs.Serving.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace LlmErs.Serving.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Requests_are_counted_by_endpoint_status_and_arm_and_the_gauge_carries_the_version()
    {
        await using var host = await ServingHost.StartAsync();
        var factory = host.App.Services.GetRequiredService<IMeterFactory>();
        var counts = new ConcurrentDictionary<string, long>();
        var gauges = new ConcurrentBag<(long Items, string Arm, string Version)>();
        using var listener = new MeterListener();

        // Only this host's meter: other tests run hosts in parallel in the same process.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            if (instrument.Name == "llmers.serving.requests")
            {
                counts.AddOrUpdate($"{tagged["endpoint"]} {tagged["status"]} {tagged["arm"]}", value, (_, n) => n + value);
            }
            else if (instrument.Name == "llmers.serving.model.items")
            {
                gauges.Add((value, tagged["arm"]!, tagged["version"]!));
            }
        });
        listener.Start();

        (await host.Client.GetAsync("/similar/m1?count=3")).Dispose();
        (await host.Client.GetAsync("/similar/m1?count=3")).Dispose();
        (await host.Client.GetAsync("/similar/nothing?count=3")).Dispose();
        listener.RecordObservableInstruments();

        // The middleware records after the response is written; give it a moment, bounded.
        for (var i = 0; i < 50 && counts.Values.Sum() < 3; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, counts.GetValueOrDefault("/similar/{item} 200 control"));
        Assert.Equal(1, counts.GetValueOrDefault("/similar/{item} 404 control"));
        Assert.Contains((ModelFolders.Items, "control", "v1"), gauges);
    }

    [Fact]
    public async Task The_OpenTelemetry_console_exporter_attaches_to_the_meter()
    {
        await using var host = await ServingHost.StartAsync("--console-metrics", "true");
        var provider = host.App.Services.GetService<MeterProvider>();

        using var response = await host.Client.GetAsync("/similar/m1?count=3");

        Assert.NotNull(provider);
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(provider.ForceFlush(5_000));
    }
}
