using System.Text.Json;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmErs.Runtime.Tests.Governance;

/// <summary>Runs the pipeline over planted answers in a test folder, and reads back what it wrote.</summary>
internal static class GovernanceRun
{
    public static async Task<OfflinePipelineResult<Screening>> RunAsync(
        TempDirectory directory, IChatClient client, IReadOnlyList<Screening> items, params IPipelineGate<Screening>[] gates)
    {
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        return await RunAsync(directory, cache, client, items, gates);
    }

    public static async Task<OfflinePipelineResult<Screening>> RunAsync(
        TempDirectory directory, IEnrichmentCache cache, IChatClient client, IReadOnlyList<Screening> items, params IPipelineGate<Screening>[] gates)
    {
        using var engine = TestEngines.Create(client, cache, o => o.ModelId = "planted");
        var options = new OfflinePipelineOptions { OutputDirectory = directory.File("out") };
        options.FeatureOutputs.Add(FeatureOutput.JsonLines(directory.File("out/screenings.jsonl")));
        return await new OfflinePipeline<Screening>(engine, cache, Options.Create(options), gates: gates).RunAsync(items);
    }

    public static List<Screening> Items(IEnumerable<string> titles, Func<string, string>? synopsis = null) =>
        [.. titles.Select((t, i) => new Screening { Id = $"s{i:D2}", Title = t, Synopsis = synopsis?.Invoke(t) ?? "" })];

    public static Dictionary<string, JsonElement> Rows(TempDirectory directory) =>
        File.ReadAllLines(directory.File("out/screenings.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("Id").GetString()!);

    public static string Status(OfflinePipelineResult<Screening> result, string key) =>
        result.Items.Single(i => i.Key == key).GetStatus(nameof(Screening.Blurb)).ToString();
}
