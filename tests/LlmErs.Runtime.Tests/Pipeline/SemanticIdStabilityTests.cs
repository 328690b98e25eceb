using System.Text.Json;
using LlmErs.Runtime.Tests.Fakes;
using Microsoft.Extensions.Options;
using Xunit;

namespace LlmErs.Runtime.Tests.Pipeline;

/// <summary>Semantic IDs across runs over one output folder: the saved codebook is reused, so IDs move only where vectors do.</summary>
public sealed class SemanticIdStabilityTests
{
    [Fact]
    public async Task ARerunWithUnchangedVectors_KeepsEveryId_AndReportsNoChange()
    {
        using var directory = new TempDirectory();
        var first = await RunAsync(directory, Album.Catalog(30));
        var codebook = File.ReadAllBytes(directory.File("Sid.codebook"));

        var second = await RunAsync(directory, Album.Catalog(30));

        Assert.Equal(Ids(first), Ids(second));
        var changes = second.Report.SemanticIdChanges["Sid"];
        Assert.Equal((false, null, 30, 0, 0, 0), (changes.Retrained, changes.RetrainedBecause, changes.Kept, changes.Added, changes.Removed, changes.Changed.Count));
        Assert.Equal((true, "no saved codebook", 30), (first.Report.SemanticIdChanges["Sid"].Retrained, first.Report.SemanticIdChanges["Sid"].RetrainedBecause, first.Report.SemanticIdChanges["Sid"].Added));
        Assert.Equal(codebook, File.ReadAllBytes(directory.File("Sid.codebook")));
    }

    [Fact]
    public async Task ARerunThatReEmbedsAFewItems_KeepsTheOthersIds_AndListsEveryChangedIdInTheReport()
    {
        using var directory = new TempDirectory();
        var first = Ids(await RunAsync(directory, Album.Catalog(30)));
        var catalog = Album.Catalog(30);
        foreach (var i in new[] { 3, 11, 20 })
        {
            catalog[i] = new Album { Id = catalog[i].Id, Title = $"Remastered album {i}" };
        }

        var second = await RunAsync(directory, catalog);

        var now = Ids(second);
        var moved = now.Where(p => first[p.Key] != p.Value).Select(p => p.Key).ToList();
        Assert.All(moved, key => Assert.Contains(key, new[] { "a03", "a11", "a20" }));
        var changes = second.Report.SemanticIdChanges["Sid"];
        Assert.Equal(moved, changes.Changed.Select(c => c.Item));
        Assert.Equal(30 - moved.Count, changes.Kept);
        Assert.All(changes.Changed, c => Assert.Equal((first[c.Item], now[c.Item]), (c.Previous, c.Current)));
        using var report = JsonDocument.Parse(File.ReadAllBytes(directory.File(OfflinePipelineOptions.ReportFileName)));
        var written = report.RootElement.GetProperty("semanticIdChanges").GetProperty("Sid");
        Assert.Equal(moved, written.GetProperty("changed").EnumerateArray().Select(c => c.GetProperty("item").GetString()));
        Assert.False(written.GetProperty("retrained").GetBoolean());
    }

    [Fact]
    public async Task NewItems_AreEncodedWithTheSavedCodebook_AndAnItemThatLeavesAndReturns_GetsItsIdBack()
    {
        using var directory = new TempDirectory();
        var first = Ids(await RunAsync(directory, Album.Catalog(20)));
        var codebook = File.ReadAllBytes(directory.File("Sid.codebook"));

        var without = await RunAsync(directory, [.. Album.Catalog(26).Where(a => a.Id != "a05")]);
        var back = await RunAsync(directory, Album.Catalog(26));

        var changes = without.Report.SemanticIdChanges["Sid"];
        Assert.Equal((false, 19, 6, 1), (changes.Retrained, changes.Kept, changes.Added, changes.Removed));
        Assert.Equal(codebook, File.ReadAllBytes(directory.File("Sid.codebook")));
        Assert.DoesNotContain(first["a05"], Ids(without).Values);
        Assert.Equal(first, Ids(back).Where(p => first.ContainsKey(p.Key)).ToDictionary());
        Assert.Equal(Ids(without), Ids(back).Where(p => p.Key != "a05").ToDictionary());
    }

    [Fact]
    public async Task RetrainingWhenAsked_TrainsANewCodebook_AndTheReportListsEveryIdItChanged()
    {
        using var directory = new TempDirectory();
        var first = Ids(await RunAsync(directory, Album.Catalog(20)));
        var codebook = File.ReadAllBytes(directory.File("Sid.codebook"));

        var second = await RunAsync(directory, Album.Catalog(28), retrain: true);

        var changes = second.Report.SemanticIdChanges["Sid"];
        Assert.True(changes.Retrained);
        Assert.Contains("asked", changes.RetrainedBecause, StringComparison.Ordinal);
        Assert.NotEqual(codebook, File.ReadAllBytes(directory.File("Sid.codebook")));
        var now = Ids(second);
        Assert.Equal(first.Where(p => now[p.Key] != p.Value).Select(p => p.Key), changes.Changed.Select(c => c.Item));
        Assert.Equal((20 - changes.Changed.Count, 8), (changes.Kept, changes.Added));
    }

    [Fact]
    public async Task ADamagedHistory_IsAClearErrorNamingTheFile()
    {
        using var directory = new TempDirectory();
        await RunAsync(directory, Album.Catalog(10));
        File.WriteAllText(directory.File("Sid.ids.json"), "{\"field\":\"Sid\",\"ids\":{\"a00\":\"x-y\"}}");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => RunAsync(directory, Album.Catalog(10)));

        Assert.Contains("Sid.ids.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete it together with Sid.codebook", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Ids(OfflinePipelineResult<Album> result) =>
        result.Items.ToDictionary(i => i.Key, i => i.Item.Sid.ToString());

    private static async Task<OfflinePipelineResult<Album>> RunAsync(TempDirectory directory, List<Album> catalog, bool retrain = false)
    {
        await using var cache = new SqliteEnrichmentCache(directory.File("cache.db"));
        using var engine = TestEngines.Create(new ScriptedChatClient(), cache);
        var options = new OfflinePipelineOptions { OutputDirectory = directory.Path, RetrainSemanticIds = retrain };
        return await new OfflinePipeline<Album>(engine, cache, Options.Create(options), new FakeEmbeddings(4)).RunAsync(catalog);
    }
}
