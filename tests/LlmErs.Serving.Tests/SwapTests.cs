using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LlmErs.Serving.Models;
using LlmErs.Vectors;

namespace LlmErs.Serving.Tests;

public sealed class SwapTests
{
    [Fact]
    public async Task Swapping_models_under_concurrent_load_fails_no_request()
    {
        await using var host = await ServingHost.StartAsync("--exposure-log", "none");
        var failures = new ConcurrentBag<string>();
        var versions = new ConcurrentDictionary<string, int>();
        var served = 0;
        using var stop = new CancellationTokenSource();

        // Four loopback clients, bounded by count and by time, while the control arm is swapped back and forth.
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 5_000 && !stop.IsCancellationRequested; i++)
            {
                var path = (i % 3) switch { 0 => $"/recommendations/u{i % 50}?count=10", 1 => $"/similar/m{i % 400}?count=10", _ => "/health" };
                using var response = await host.Client.GetAsync(path);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                Interlocked.Increment(ref served);
                if (path[1] != 'h')
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    versions.AddOrUpdate(body.GetProperty("modelVersion").GetString()!, 1, (_, n) => n + 1);
                }
            }
        })).ToArray();

        var deadline = Stopwatch.StartNew();
        for (var swap = 0; swap < 8 && deadline.Elapsed < TimeSpan.FromSeconds(6); swap++)
        {
            await Task.Delay(100);
            using var reload = await host.Client.PostAsync($"/admin/reload?arm=control&from={Uri.EscapeDataString(swap % 2 == 0 ? host.V2 : host.V1)}", null);
            Assert.True(reload.IsSuccessStatusCode, await reload.Content.ReadAsStringAsync());
        }

        await Task.Delay(100);
        stop.Cancel();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        Assert.True(served > 100, $"only {served} requests were served");
        Assert.True(versions.ContainsKey("v1") && versions.ContainsKey("v2"), $"versions seen: {string.Join(", ", versions.Keys)}");
        Assert.Equal("v1", (await host.Client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("arms")[0].GetProperty("modelVersion").GetString());
    }

    [Fact]
    public void A_swapped_out_model_is_disposed_only_after_its_last_request()
    {
        var old = new FakeModel("old");
        using var slot = new ModelSlot(old);
        Assert.True(slot.TryAcquire(out var inFlight));

        slot.Swap(new FakeModel("new"));

        Assert.False(old.Disposed);
        Assert.Equal("old", inFlight.Model.Version);
        Assert.True(slot.TryAcquire(out var next));
        Assert.Equal("new", next.Model.Version);
        next.Dispose();
        inFlight.Dispose();
        Assert.True(old.Disposed);
    }

    [Fact]
    public async Task A_bad_folder_on_reload_is_a_400_and_the_current_model_keeps_serving()
    {
        await using var host = await ServingHost.StartAsync();
        using var reload = await host.Client.PostAsync("/admin/reload?arm=control&from=/nonexistent-model-folder", null);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reload.StatusCode);
        Assert.Contains("dotnet run --project samples/LlmErs.Quickstart", await reload.Content.ReadAsStringAsync());
        using var response = await host.Client.GetAsync("/similar/m1?count=3");
        Assert.True(response.IsSuccessStatusCode);
    }

    private sealed class FakeModel(string version) : IRecommendationModel
    {
        public bool Disposed { get; private set; }

        public string Version => version;

        public int ItemCount => 0;

        public IReadOnlyList<Recommendation> RecommendForUser(string userId, int count) => [];

        public IReadOnlyList<Recommendation> RecommendForHistory(IReadOnlyList<string> itemIds, int count) => [];

        public IReadOnlyList<Recommendation> SimilarItems(string itemId, int count) => [];

        public void Dispose() => Disposed = !Disposed ? true : throw new InvalidOperationException("disposed twice");
    }
}
